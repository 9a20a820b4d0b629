import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { deskIpcChannels, type DeskResult } from '../shared/desk-api/bridge.js';
import type { DeskService } from './core/desk-service.js';

/**
 * One handler for every DeskApi call: it answers only the main window's own frame, and the shared
 * dispatcher refuses unknown methods and malformed input before the core sees them.
 */
export function registerDeskIpc(ipcMain: IpcMain, core: DeskService, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  ipcMain.handle(deskIpcChannels.call, async (event, method: unknown, input: unknown): Promise<DeskResult> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: 'Untrusted sender' } };
    return core.call(method, input);
  });
  return () => ipcMain.removeHandler(deskIpcChannels.call);
}

export function forwardDeskEvents(core: DeskService, target: () => WebContents | null): () => void {
  return core.onEvent((event, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(deskIpcChannels.event, event, payload);
  });
}
