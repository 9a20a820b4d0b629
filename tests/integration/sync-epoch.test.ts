import { describe, expect, it } from 'vitest';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import type { RunningTestServer } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, core } = deskHarness('shiftdesk-sync-epoch-');

async function settled(desk: DeskCore): Promise<void> {
  await expect.poll(async () => (await desk.api['outbox.get']({})).waiting, { timeout: 10_000 }).toBe(0);
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 10_000 }).toBe('online');
}

async function signIn(desk: DeskCore): Promise<void> {
  await desk.api['session.login']({ email: 'agent3@demo', password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 10_000 }).toBe('online');
}

const written = ['Sent to the old database', 'Written while the server was rebuilt', 'And a second note', 'Later that night', 'Before the backup was taken', 'After the backup was taken', 'Written after the restore'];

/** The notes this test wrote that the server holds (beside the demo's): a change sent twice would be there twice. */
async function notesOnServer(running: RunningTestServer): Promise<string[]> {
  return (await running.context.db.selectFrom('handoff_notes').select('body').where('body', 'in', written).orderBy('body').execute()).map((row) => row.body);
}

describe('a console whose replica outlives what the server knew of it', () => {
  it('sends what was written meanwhile to a server restarted on an empty database, each change once', async () => {
    const first = await server();
    const port = Number(new URL(first.url).port);
    const desk = core(first.url);
    await signIn(desk);
    await desk.api['handoffs.write']({ queueId: null, body: 'Sent to the old database' });
    await settled(desk);

    // The server comes back on an empty data folder: a new epoch, and no memory of this console's
    // client (which had already sent mutation 1) or of its session.
    const signedOut = new Promise<void>((resolve) => {
      const stop = desk.onEvent((event, payload) => {
        if (event === 'session.changed' && (payload as { user: unknown }).user === null) {
          stop();
          resolve();
        }
      });
    });
    await first.stop();
    await desk.api['handoffs.write']({ queueId: null, body: 'Written while the server was rebuilt' });
    await desk.api['handoffs.write']({ queueId: null, body: 'And a second note' });
    const second = await server({ port });
    await signedOut;
    await signIn(desk);

    await settled(desk);
    expect(await notesOnServer(second)).toEqual(['And a second note', 'Written while the server was rebuilt']);
    const rows = await second.context.db.selectFrom('client_mutations').select('last_mutation_id').execute();
    expect(rows).toEqual([{ last_mutation_id: 2 }]);
    const inReplica = await desk.api['handoffs.list']({});
    expect(inReplica.map((note) => [note.body, note.pending])).toEqual(
      expect.arrayContaining([
        ['Written while the server was rebuilt', false],
        ['And a second note', false],
      ]),
    );
    expect(inReplica.some((note) => note.body === 'Sent to the old database')).toBe(false);

    // The fresh client goes on numbering from there.
    await desk.api['handoffs.write']({ queueId: null, body: 'Later that night' });
    await settled(desk);
    expect(await notesOnServer(second)).toEqual(['And a second note', 'Later that night', 'Written while the server was rebuilt']);
    expect(await second.context.db.selectFrom('client_mutations').select('last_mutation_id').execute()).toEqual([{ last_mutation_id: 3 }]);
  });

  it('starts a fresh client when the same database forgot it (restored from before it wrote), and loses nothing', async () => {
    const running = await server();
    const desk = core(running.url);
    await signIn(desk);
    await desk.api['handoffs.write']({ queueId: null, body: 'Before the backup was taken' });
    await desk.api['handoffs.write']({ queueId: null, body: 'After the backup was taken' });
    await settled(desk);

    // As after restoring a backup older than this client: the epoch is the same, the client is unknown.
    const { db } = running.context;
    await db.deleteFrom('handoff_notes').where('body', '=', 'After the backup was taken').execute();
    await db.deleteFrom('mutation_results').execute();
    await db.deleteFrom('client_mutations').execute();

    await desk.api['handoffs.write']({ queueId: null, body: 'Written after the restore' });
    await settled(desk);
    expect(await notesOnServer(running)).toEqual(['Before the backup was taken', 'Written after the restore']);
    expect(await db.selectFrom('client_mutations').select('last_mutation_id').execute()).toEqual([{ last_mutation_id: 1 }]);
  });
});
