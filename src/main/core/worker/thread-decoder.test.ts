import { afterAll, describe, expect, it } from 'vitest';
import { decodeStoredChanges } from '../replica/stored-change.js';
import { ThreadDecoder } from './thread-decoder.js';

const changes = [
  { seq: 1, scope: 'queue:general', entity: 'message', op: 'upsert', row: { id: '5b0c9f1e-3f7a-4b8e-9c1d-2a3b4c5d6e7f', ticketId: '6c1d0a2f-4a8b-4c9f-8d2e-3b4c5d6e7f80', authorKind: 'customer', authorName: 'Zofia', body: 'Drukarka nie działa', isPublic: true, createdAt: '2026-11-24T02:00:00.000Z' } },
  { seq: 2, scope: 'queue:general', entity: 'ticket', op: 'delete', rowId: '6c1d0a2f-4a8b-4c9f-8d2e-3b4c5d6e7f80' },
];
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const decoder = new ThreadDecoder();
afterAll(() => decoder.close());

describe('change decoder thread', () => {
  it('prepares a page exactly as the inline decoder does, and names the bad field of a broken one', async () => {
    // A view into a larger buffer, as a socket hands it over: the caller's bytes stay intact.
    const page = bytes(changes);
    const padded = new Uint8Array(page.length + 8);
    padded.set(page, 4);
    const view = padded.subarray(4, 4 + page.length);
    expect(await decoder.decode(view)).toEqual(decodeStoredChanges(page));
    expect(view.byteLength).toBe(page.length);

    await expect(decoder.decode(bytes([{ ...changes[0], row: { ...changes[0]!.row, createdAt: 'yesterday' } }]))).rejects.toThrow(/createdAt/);
  });

  it('starts again after its thread is gone', async () => {
    await decoder.close();
    expect(await decoder.decode(bytes(changes))).toHaveLength(2);
  });
});
