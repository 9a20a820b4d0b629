/// <reference types="vite/client" />
import type { DeskBridge } from '../../shared/desk-api/bridge.js';

declare global {
  interface Window {
    /**
     * Installed by the host before this app's script runs: the Electron preload in the desktop app,
     * its WebSocket twin in the browser host. The renderer wraps it once and never asks which it is.
     */
    readonly desk: DeskBridge;
  }
}

export {};
