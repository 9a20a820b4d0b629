import { decodeStoredChanges, type StoredChange } from '../replica/stored-change.js';

/** Turns a page of changes as received into what the replica stores; rejects naming the first bad field. */
export interface ChangeDecoder {
  decode(bytes: Uint8Array): Promise<StoredChange[]>;
  close(): Promise<void>;
}

/** Decodes on the calling thread: enough for tests and small desks. */
export const inlineDecoder: ChangeDecoder = {
  decode: async (bytes) => decodeStoredChanges(bytes),
  close: async () => undefined,
};
