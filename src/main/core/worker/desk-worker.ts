import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../../shared/clock.js';
import { DeskCore } from '../desk-core.js';
import { FileSecretStore } from '../session/secret-store.js';
import type { DeskWorkerData, FromWorker, ToWorker } from './messages.js';
import { ThreadDecoder } from './thread-decoder.js';

/** The desktop core's thread: the replica, the outbox and the sync connection all live here. */
const port = parentPort!;
const data = workerData as DeskWorkerData;
const core = new DeskCore({ dataDir: data.dataDir, serverUrl: data.serverUrl, clock: systemClock, secrets: new FileSecretStore(data.secretsFile), decoder: new ThreadDecoder(), ...(data.handoffDraftMinutes ? { handoffDraftMinutes: data.handoffDraftMinutes } : {}), ...(data.opensExternal ? { openExternal: async (url: string) => post({ type: 'openExternal', url }) } : {}) });
const post = (message: FromWorker) => port.postMessage(message);

core.onEvent((event, payload) => post({ type: 'event', event, payload }));
port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    void core.call(message.method, message.input).then((result) => post({ type: 'result', id: message.id, result }));
    return;
  }
  // Closing the port ends the thread once the replica is closed: the host waits for that exit.
  void core.close().then(() => port.close());
});
post({ type: 'ready' });
