import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandoffPage } from '../../shared/api/rest.js';
import type { HandoffNote } from '../../shared/domain/handoff.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { steppingClock, type SteppingClock } from '../testing/test-clock.js';
import { pullAll, pushOnce, SocketPool } from '../testing/test-socket.js';

/**
 * The demo rota in winter: Riga day (Olga, Jānis) 06:00–14:00 UTC, then Warsaw evening (Marta)
 * 14:00–22:00 UTC, both covering General and Billing. Monday 23 November 2026.
 */
const rigaDayEnd = '2026-11-23T14:00:00.000Z';
const rigaDay = { rotationId: 'tier1-follow-the-sun', shiftId: 'riga-day', end: rigaDayEnd };
const MINUTE = 60_000;

const manualTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const servers: RunningTestServer[] = [];
const pool = new SocketPool(() => servers[0]!.url);

async function start(clock: SteppingClock, dataDir?: string) {
  const server = await startTestServer({ clock, seed: true, timers: manualTimers, ...(dataDir ? { dataDir } : {}) });
  servers.push(server);
  return server;
}

afterEach(async () => {
  pool.closeAll();
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
});

const api = <T = Record<string, unknown>>(server: RunningTestServer, path: string, init?: Parameters<typeof callApi>[2]) => callApi<T>(server.url, path, init);

async function handOver(server: RunningTestServer, email: string, body: object) {
  return api<HandoffNote & { message?: string }>(server, '/api/v1/handoffs', { method: 'POST', token: await loginAs(server.url, email), body });
}

async function noteAsSupervisor(server: RunningTestServer, id: string): Promise<HandoffNote> {
  const page = (await api<HandoffPage>(server, '/api/v1/handoffs?pageSize=200', { token: await loginAs(server.url, 'supervisor@demo') })).body;
  return page.items.find((note) => note.id === id)!;
}

/** The alert mails about the note with this text (the demo desk starts with an overdue handover of its own). */
const alertMails = (server: RunningTestServer, text: string) =>
  server.context.db
    .selectFrom('outbound_messages')
    .select(['to_address', 'subject', 'body', 'channel'])
    .where('kind', '=', 'handoff.alert')
    .where('body', 'like', `%${text}%`)
    .orderBy('to_address')
    .execute();

/** The clock 20 minutes before the Riga day ends: Olga writes her handover. */
const beforeRigaDayEnds = () => steppingClock(Date.parse(rigaDayEnd) - 20 * MINUTE);

describe('a note that hands over a shift', () => {
  it('records the shift, when the incoming shift starts and by when it must acknowledge', async () => {
    const server = await start(beforeRigaDayEnds());
    const created = await handOver(server, 'agent3@demo', { queueId: 'billing', body: 'VAT corrections pending; update the three Latvian customers by 12:00.', shift: rigaDay });
    expect(created.status).toBe(201);
    // Marta's Warsaw evening takes Billing over the moment the Riga day ends.
    expect(created.body.handover).toEqual({ ...rigaDay, incomingStart: rigaDayEnd, acknowledgeBy: '2026-11-23T14:30:00.000Z' });

    // A note for the whole desk goes to whoever is there when the shift ends.
    const desk = await handOver(server, 'agent2@demo', { queueId: null, body: 'Portal maintenance tonight.', shift: rigaDay });
    expect(desk.body.handover?.incomingStart).toBe(rigaDayEnd);
  });

  it('gives a note that arrives after the incoming shift started its full time from arrival', async () => {
    const clock = steppingClock(Date.parse(rigaDayEnd) + 50 * MINUTE);
    const server = await start(clock);
    const late = await handOver(server, 'agent3@demo', { queueId: 'billing', body: 'Forgot to hand over: refunds approved.', shift: rigaDay });
    expect(late.status).toBe(201);
    expect(late.body.handover?.incomingStart).toBe(rigaDayEnd);
    expect(Date.parse(late.body.handover!.acknowledgeBy) - Date.parse(late.body.createdAt)).toBe(30 * MINUTE);
  });

  it.each([
    [{ ...rigaDay, shiftId: 'warsaw-evening' }, 'agent3@demo'],
    [{ ...rigaDay, end: '2026-11-23T13:00:00.000Z' }, 'agent3@demo'],
    [{ ...rigaDay, rotationId: 'nowhere' }, 'agent3@demo'],
    [rigaDay, 'agent@demo'],
  ])('refuses a shift the author did not work, naming the field, and writes nothing (%#)', async (shift, email) => {
    const server = await start(beforeRigaDayEnds());
    const before = (await api<HandoffPage>(server, '/api/v1/handoffs', { token: await loginAs(server.url, 'admin@demo') })).body.total;
    const refused = await handOver(server, email, { queueId: 'billing', body: 'Not my shift', shift });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^body\.shift: you do not work shift/);
    expect((await api<HandoffPage>(server, '/api/v1/handoffs', { token: await loginAs(server.url, 'admin@demo') })).body.total).toBe(before);
  });

  it('is refused over the sync socket as invalid, with the field named, and the queue moves on', async () => {
    await start(beforeRigaDayEnds());
    const socket = await pool.open('agent3@demo');
    const write = (id: number, shift: object) => ({
      id,
      name: 'handoff.write',
      createdAt: new Date().toISOString(),
      args: { handoffId: randomUUID(), queueId: 'billing', body: 'Handover', writtenAt: new Date().toISOString(), shift },
    });
    const reply = await pushOnce(socket, { clientId: randomUUID(), mutations: [write(1, { ...rigaDay, shiftId: 'warsaw-evening' }), write(2, rigaDay)] });
    expect(reply.ok && reply.value.results).toEqual([
      { id: 1, status: 'rejected', rejection: expect.objectContaining({ code: 'invalid', field: 'shift' }) },
      { id: 2, status: 'applied' },
    ]);
  });
});

describe('the supervisors’ alert', () => {
  it('fires from the stored deadline 30 minutes into the incoming shift, also across a restart, and reaches supervisors by sync and by mail', async () => {
    const clock = beforeRigaDayEnds();
    const first = await start(clock);
    const note = (await handOver(first, 'agent3@demo', { queueId: 'billing', body: 'Chargeback from Hurtownia Lux: evidence due today.', shift: rigaDay })).body;

    // A supervisor reading it does not take the queue over: the deadline stands.
    await api(first, `/api/v1/handoffs/${note.id}/acknowledge`, { method: 'POST', token: await loginAs(first.url, 'supervisor@demo') });
    clock.advance(49 * MINUTE); // 14:29, a minute before the deadline
    await first.context.handoverAlerting.runDue();
    expect((await noteAsSupervisor(first, note.id)).handover?.supervisorsAlertedAt).toBeUndefined();

    // The server is down over the deadline and back after it.
    await first.stop({ keepData: true });
    servers.splice(0);
    clock.advance(5 * MINUTE);
    const second = await start(clock, first.dataDir);
    const supervisor = await pool.open('supervisor@demo');
    await second.context.handoverAlerting.runDue();

    const alerted = await noteAsSupervisor(second, note.id);
    expect(Date.parse(alerted.handover!.supervisorsAlertedAt!)).toBeGreaterThanOrEqual(Date.parse('2026-11-23T14:30:00.000Z'));
    expect(alerted.handover?.acknowledgedAt).toBeUndefined();
    // The supervisor's console has the alert as part of the note.
    const synced = (await pullAll(supervisor)).changes.filter((c) => c.entity === 'handoff' && c.op === 'upsert' && c.row.id === note.id);
    expect(synced.at(-1)).toMatchObject({ row: { handover: { supervisorsAlertedAt: alerted.handover!.supervisorsAlertedAt } } });
    // Mailed once, in the supervisor's language, with the note.
    const mails = await alertMails(second, 'evidence due today');
    expect(mails).toEqual([{ to_address: 'supervisor@demo', channel: 'email', subject: expect.stringMatching(/^Niepotwierdzone przekazanie zmiany: Billing/), body: expect.stringContaining('Chargeback from Hurtownia Lux') }]);
    expect(mails[0]!.body).toContain('Olga Smirnova');

    // Running again (or after another restart) alerts nobody twice.
    clock.advance(10 * MINUTE);
    await second.context.handoverAlerting.runDue();
    expect(await alertMails(second, 'evidence due today')).toHaveLength(1);

    // Marta acknowledges late: the note says the incoming shift has it, and the overdue state ends.
    const acknowledged = await api<HandoffNote>(second, `/api/v1/handoffs/${note.id}/acknowledge`, { method: 'POST', token: await loginAs(second.url, 'agent@demo') });
    expect(acknowledged.body.handover).toMatchObject({ supervisorsAlertedAt: alerted.handover!.supervisorsAlertedAt, acknowledgedAt: expect.any(String) });
  });

  it('stays silent when an agent of the incoming shift acknowledges in time', async () => {
    const clock = beforeRigaDayEnds();
    const server = await start(clock);
    const note = (await handOver(server, 'agent3@demo', { queueId: 'billing', body: 'All quiet.', shift: rigaDay })).body;
    clock.advance(25 * MINUTE);
    const read = await api<HandoffNote>(server, `/api/v1/handoffs/${note.id}/acknowledge`, { method: 'POST', token: await loginAs(server.url, 'agent@demo') });
    expect(read.body.handover?.acknowledgedAt).toBe(read.body.acknowledgements[0]?.at);

    clock.advance(60 * MINUTE);
    await server.context.handoverAlerting.runDue();
    expect((await noteAsSupervisor(server, note.id)).handover?.supervisorsAlertedAt).toBeUndefined();
    expect(await alertMails(server, 'All quiet.')).toEqual([]);
    expect(await server.context.db.selectFrom('handoff_notes').select('alert_due_at').where('id', '=', note.id).executeTakeFirstOrThrow()).toEqual({ alert_due_at: null });
  });

  it('leaves notes that hand over no shift alone', async () => {
    const clock = beforeRigaDayEnds();
    const server = await start(clock);
    const plain = (await handOver(server, 'agent3@demo', { queueId: 'billing', body: 'Coffee machine fixed.' })).body;
    expect(plain.handover).toBeUndefined();
    clock.advance(24 * 60 * MINUTE);
    await server.context.handoverAlerting.runDue();
    expect(await alertMails(server, 'Coffee machine fixed.')).toEqual([]);
  });
});

describe('searching notes over REST', () => {
  it('finds the notes whose author or text has every word, as prefixes and without diacritics, only where the caller may read', async () => {
    const server = await start(beforeRigaDayEnds());
    const vpn = (await handOver(server, 'agent3@demo', { queueId: 'billing', body: 'Gateway declined 3-D Secure twice; VPN to the bank flapped.' })).body;
    const olga = await loginAs(server.url, 'agent3@demo');
    const search = async (q: string, token = olga) => (await api<HandoffPage>(server, `/api/v1/handoffs?q=${encodeURIComponent(q)}`, { token })).body;

    expect((await search('gatew secur')).items.map((note) => note.id)).toEqual([vpn.id]);
    expect((await search('olga vpn')).items.map((note) => note.id)).toEqual([vpn.id]);
    // The Latvian demo note of the general queue, found without its diacritics, but not by Olga (billing only).
    const janis = await loginAs(server.url, 'agent2@demo');
    expect((await search('mainas nodos', janis)).items.map((note) => note.authorName)).toContain('Jānis Bērziņš');
    expect((await search('mainas nodos')).total).toBe(0);
    // FTS5 syntax is inert; nothing to search for finds nothing.
    expect((await search('vpn* "bank')).items.map((note) => note.id)).toEqual([vpn.id]);
    expect((await search('???')).total).toBe(0);
    expect((await api(server, '/api/v1/handoffs?q=', { token: olga })).body).toMatchObject({ message: expect.stringMatching(/^querystring\.q/) });
  });
});

describe('the demo desk', () => {
  it('starts with the last two tier-1 handovers: the older taken over in time, the latest overdue and alerted', async () => {
    const server = await start(beforeRigaDayEnds());
    const notes = (await api<HandoffPage>(server, '/api/v1/handoffs?pageSize=200', { token: await loginAs(server.url, 'supervisor@demo') })).body.items.filter((note) => note.handover);
    // Marta's Warsaw evening of the 22nd, after the Riga day of the 22nd (Jānis and Olga).
    expect(notes.map((note) => [note.authorName, note.queueId, note.handover!.shiftId, note.handover!.end])).toEqual([
      ['Marta Nowak', 'billing', 'warsaw-evening', '2026-11-22T22:00:00.000Z'],
      expect.arrayContaining(['riga-day', '2026-11-22T14:00:00.000Z']),
      expect.arrayContaining(['riga-day', '2026-11-22T14:00:00.000Z']),
    ]);
    expect(new Set(notes.slice(1).map((note) => `${note.authorName} ${note.queueId}`))).toEqual(new Set(['Olga Smirnova billing', 'Jānis Bērziņš general']));
    const [overdue, ...takenOver] = notes;
    // Nobody covers the queues at night: the Riga day of the 23rd takes Marta's over, and had 30 minutes.
    expect(overdue!.handover).toMatchObject({ incomingStart: '2026-11-23T06:00:00.000Z', acknowledgeBy: '2026-11-23T06:30:00.000Z', supervisorsAlertedAt: expect.any(String) });
    for (const note of takenOver) expect(note.handover).toMatchObject({ acknowledgedAt: '2026-11-22T14:10:00.000Z' });
    expect(takenOver.every((note) => note.acknowledgements.some((ack) => ack.agentName === 'Marta Nowak'))).toBe(true);
  });
});
