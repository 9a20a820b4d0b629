import { parentPort } from 'node:worker_threads';
import { decodeStoredChanges } from '../replica/stored-change.js';
import type { DecodeReply, DecodeRequest } from './thread-decoder.js';

/** The change decoder's thread: pages in as bytes, prepared rows (plain strings) out. */
const port = parentPort!;
port.on('message', ({ id, bytes }: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    reply = { id, ok: true, changes: decodeStoredChanges(bytes) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
