import { describe, expect, it } from 'vitest';
import type { Cursors, PullWireReply } from '../../../shared/sync/protocol.js';
import { PageStream } from './page-stream.js';

const page = (at: number, hasMore: boolean, reset = false): PullWireReply => ({
  changes: new TextEncoder().encode('[]'),
  cursors: reset ? {} : { 'queue:general': at },
  hasMore,
  lastMutationId: 0,
  epoch: 'e',
  reset,
});

/** A server whose replies the test releases one by one, recording what was asked. */
function fakeServer(lastPage: number) {
  const asked: Cursors[] = [];
  const replies: (() => void)[] = [];
  const fetch = (cursors: Cursors) => {
    asked.push(cursors);
    const at = (cursors['queue:general'] ?? 0) + 1;
    return new Promise<PullWireReply>((resolve) => replies.push(() => resolve(page(at, at < lastPage))));
  };
  const answerAll = async () => {
    while (replies.length > 0) replies.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { asked, fetch, answerAll };
}

const decode = async () => [];

describe('page stream', () => {
  it('asks for the next page as each reply arrives, up to its depth, and resumes as pages are taken', async () => {
    const server = fakeServer(10);
    const stream = new PageStream(server.fetch, decode, 3);
    stream.start({});
    for (let i = 0; i < 5; i++) await server.answerAll();
    // Three pages wait untaken: the stream stops asking rather than holding the whole pull in memory.
    expect(server.asked).toEqual([{}, { 'queue:general': 1 }, { 'queue:general': 2 }]);

    expect((await stream.take()).cursors).toEqual({ 'queue:general': 1 });
    expect(server.asked).toHaveLength(4);
    const taken = [1];
    for (;;) {
      await server.answerAll();
      const next = await stream.take();
      taken.push(next.cursors['queue:general']!);
      if (!next.hasMore) break;
    }
    expect(taken).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(server.asked).toHaveLength(10);
  });

  it('does not ask past a reset, and reports a failed page when it is taken', async () => {
    const asked: Cursors[] = [];
    const stream = new PageStream(
      async (cursors) => {
        asked.push(cursors);
        if (asked.length === 1) return page(0, true, true);
        throw new Error('connection lost');
      },
      decode,
      3,
    );
    stream.start({ 'queue:general': 5 });
    expect((await stream.take()).reset).toBe(true);
    expect(asked).toHaveLength(1);
    stream.start({});
    await expect(stream.take()).rejects.toThrow('connection lost');
  });
});
