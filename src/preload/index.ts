import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { deskIpcChannels, type DeskBridge, type DeskResult } from '../shared/desk-api/bridge.js';

/** Exposes DeskApi and nothing else: the renderer never sees ipcRenderer or Node. */
const bridge: DeskBridge = {
  invoke: (method, input) => ipcRenderer.invoke(deskIpcChannels.call, method, input) as Promise<DeskResult>,
  on(event, listener) {
    const handler = (_sender: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(deskIpcChannels.event, handler);
    return () => ipcRenderer.off(deskIpcChannels.event, handler);
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
