import { describe, expect, it } from 'vitest';
import { createDeskClient, type DeskClient } from '../../src/shared/desk-api/client.js';
import { DeskError } from '../../src/shared/desk-api/errors.js';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import { ingestMail } from '../../src/server/intake/email/ingest-mail.js';
import { composedMail } from '../../src/server/testing/mail-fixtures.js';
import { callApi, loginAs, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, core } = deskHarness('shiftdesk-channels-');

/** Calls go through the same validating gate as from a window, so input a host would refuse is refused here. */
function clientOf(desk: DeskCore): DeskClient {
  return createDeskClient({ invoke: (method, input) => desk.call(method, input), on: () => () => undefined });
}

async function signedIn(running: RunningTestServer, email: string): Promise<{ desk: DeskCore; client: DeskClient }> {
  const desk = core(running.url);
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  return { desk, client: clientOf(desk) };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeskError);
  return { code: (error as DeskError).code, message: (error as DeskError).message };
}

const report = Buffer.from('%PDF-1.4\n% a statement with a hole in it\n');

async function mailWithFiles(running: RunningTestServer) {
  const raw = await composedMail({
    from: 'Zofia Wrona <zofia@kwiaty.example>',
    to: 'support@shiftdesk.local',
    subject: 'Faktura się nie zgadza',
    text: 'The invoice total does not match the statement; both attached.',
    html: '<p>The invoice <b>total</b> does not match the statement; both attached.</p>',
    attachments: [{ filename: 'Wyciąg bankowy.pdf', content: report, contentType: 'application/pdf' }],
  });
  const taken = await ingestMail(running.context, raw, { name: 'smtp' });
  if (taken.outcome !== 'created') throw new Error(`expected a new ticket, got ${taken.outcome}`);
  return { raw, ticketId: taken.ticketId, number: taken.number };
}

describe('files from the server, through the core', () => {
  it('hands an agent a message’s attachment and its original as they are on the server, and says plainly when the server is away', async () => {
    const running = await server();
    const mail = await mailWithFiles(running);
    const { desk, client } = await signedIn(running, 'agent@demo');
    await expect.poll(async () => (await desk.api['tickets.get']({ id: mail.ticketId }))?.messages.length, { timeout: 15_000 }).toBe(1);
    const message = (await desk.api['tickets.get']({ id: mail.ticketId }))!.messages[0]!;
    expect(message).toMatchObject({ hasOriginal: true, html: expect.stringContaining('<b>total</b>'), attachments: [{ filename: 'Wyciąg bankowy.pdf', contentType: 'application/pdf', size: report.length }] });

    const attachment = await client.call('files.download', { ticketId: mail.ticketId, kind: 'attachment', id: message.attachments![0]!.id });
    expect(attachment).toMatchObject({ filename: 'Wyciąg bankowy.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(attachment.base64, 'base64')).toEqual(report);

    const original = await client.call('files.download', { ticketId: mail.ticketId, kind: 'original', id: message.id });
    expect(original).toMatchObject({ filename: `ticket-${mail.number}-${message.id.slice(0, 8)}.eml`, contentType: 'message/rfc822' });
    expect(Buffer.from(original.base64, 'base64')).toEqual(mail.raw);

    // Refused at the gate, before any request: a made-up kind, an id that is no id.
    expect(await refusal(client.call('files.download', { ticketId: mail.ticketId, kind: 'thumbnail' as 'original', id: message.id }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^kind:/) });
    expect(await refusal(client.call('files.download', { ticketId: mail.ticketId, kind: 'attachment', id: '../../etc/passwd' }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^id:/) });
    expect(await refusal(client.call('files.download', { ticketId: mail.ticketId, kind: 'attachment', id: message.id }))).toMatchObject({ code: 'not_found', message: expect.stringContaining(`ticket ${mail.number}`) });

    await running.stop({ keepData: true });
    expect(await refusal(client.call('files.download', { ticketId: mail.ticketId, kind: 'attachment', id: message.attachments![0]!.id }))).toEqual({
      code: 'unavailable',
      message: `The server at ${running.url} cannot be reached`,
    });
  }, 60_000);

  it('does not hand out files of a ticket outside the agent’s queues', async () => {
    const running = await server();
    const mail = await mailWithFiles(running);
    const admin = await loginAs(running.url, 'admin@demo');
    expect((await callApi(running.url, `/api/v1/tickets/${mail.ticketId}`, { method: 'PATCH', token: admin, body: { queueId: 'platform' } })).status).toBe(200);
    const { client } = await signedIn(running, 'agent@demo');
    const { attachments, id } = (await running.context.tickets.find(['platform'], mail.ticketId))!.messages[0]!;

    expect((await refusal(client.call('files.download', { ticketId: mail.ticketId, kind: 'attachment', id: attachments![0]!.id }))).code).toBe('not_found');
    expect((await refusal(client.call('files.download', { ticketId: mail.ticketId, kind: 'original', id }))).code).toBe('not_found');
  });
});

describe('channel settings, through the core', () => {
  it('lets an admin create an integration (token and secret shown once), list it without them, and revoke it', async () => {
    const running = await server();
    const { client } = await signedIn(running, 'admin@demo');

    const created = await client.call('admin.integrations.create', { name: '  Shop form  ', signed: true });
    expect(created).toMatchObject({ name: 'Shop form', signed: true, revokedAt: null, token: expect.stringMatching(/^sdi_/), signingSecret: expect.stringMatching(/^sdw_/) });
    const bearerOnly = await client.call('admin.integrations.create', { name: 'Grafana' });
    expect(bearerOnly).toMatchObject({ signed: false, signingSecret: null });

    const listed = await client.call('admin.integrations.list', {});
    expect(listed.find((i) => i.id === created.id)).toEqual({ id: created.id, name: 'Shop form', createdAt: created.createdAt, revokedAt: null, signed: true });

    const revoked = await client.call('admin.integrations.revoke', { id: created.id });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await client.call('admin.integrations.list', {})).find((i) => i.id === created.id)?.revokedAt).toBe(revoked.revokedAt);
    expect(await refusal(client.call('admin.integrations.create', { name: '   ' }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^name:/) });
  });

  it('saves a template, refuses one with a placeholder its kind does not offer (with the server’s words), and resets it', async () => {
    const running = await server();
    const { client } = await signedIn(running, 'admin@demo');
    const builtIn = (await client.call('admin.templates.list', {})).find((t) => t.kind === 'ack.open' && t.locale === 'pl')!;
    expect(builtIn).toMatchObject({ customised: false, placeholders: expect.arrayContaining(['ticket.number', 'answer.by']) });

    const typo = await refusal(client.call('admin.templates.save', { kind: 'ack.open', locale: 'pl', subject: 'Zgłoszenie {{ticket.numbr}}', body: builtIn.body }));
    expect(typo).toEqual({ code: 'invalid_input', message: expect.stringContaining('unknown placeholder {{ticket.numbr}}') });

    const saved = await client.call('admin.templates.save', { kind: 'ack.open', locale: 'pl', subject: 'Zgłoszenie [#{{ticket.number}}] przyjęte', body: 'Odpowiemy do {{answer.by}}.' });
    expect(saved).toMatchObject({ customised: true, subject: 'Zgłoszenie [#{{ticket.number}}] przyjęte', updatedAt: expect.any(String) });
    const reset = await client.call('admin.templates.reset', { kind: 'ack.open', locale: 'pl' });
    expect(reset).toMatchObject({ customised: false, subject: builtIn.subject, body: builtIn.body });
    expect((await refusal(client.call('admin.templates.reset', { kind: 'ack.nope' as 'ack.open', locale: 'pl' }))).code).toBe('invalid_input');
  });

  it('shows quarantined mail with its original, and marks it resolved', async () => {
    const running = await server();
    const raw = Buffer.from('Subject: who?\r\n\r\nhello\r\n');
    const taken = await ingestMail(running.context, raw, { name: 'imap:support' });
    if (taken.outcome !== 'quarantined') throw new Error('expected the mail to be quarantined');
    const { client } = await signedIn(running, 'admin@demo');

    const open = await client.call('admin.quarantine.list', {});
    expect(open).toEqual([expect.objectContaining({ id: taken.quarantineId, source: 'imap:support', reason: 'the mail has no From header', size: raw.length, resolvedAt: null })]);
    const original = await client.call('admin.quarantine.original', { id: taken.quarantineId });
    expect(original).toMatchObject({ filename: `quarantine-${taken.quarantineId.slice(0, 8)}.eml`, contentType: 'message/rfc822' });
    expect(Buffer.from(original.base64, 'base64')).toEqual(raw);

    const resolved = await client.call('admin.quarantine.resolve', { id: taken.quarantineId });
    expect(resolved).toMatchObject({ resolvedBy: 'Alex Morgan', resolvedAt: expect.any(String) });
    expect(await client.call('admin.quarantine.list', {})).toEqual([]);
    expect((await client.call('admin.quarantine.list', { state: 'resolved' })).map((i) => i.id)).toEqual([taken.quarantineId]);
  });

  it('lists what was sent to customers, filtered by delivery state', async () => {
    const running = await server();
    await mailWithFiles(running);
    const { client } = await signedIn(running, 'admin@demo');

    // No relay in tests: the acknowledgement (open, closed or busy, by the hour) waits in the queue.
    // The demo desk's unacknowledged shift handover also waits there, as a mail to the supervisors.
    const queued = (await client.call('admin.outbound.list', { status: 'queued' })).filter((m) => m.kind !== 'handoff.alert');
    expect(queued).toEqual([expect.objectContaining({ kind: expect.stringMatching(/^ack\./), channel: 'email', to: 'zofia@kwiaty.example', status: 'queued', attempts: expect.any(Number) })]);
    expect(await client.call('admin.outbound.list', { status: 'sent' })).toEqual([]);
    expect(await client.call('admin.outbound.list', { limit: 1 })).toHaveLength(1);
    expect((await refusal(client.call('admin.outbound.list', { status: 'bounced' as 'sent' }))).code).toBe('invalid_input');
  });

  it('adds an IMAP mailbox (its password never shown again), polls it, pauses it and removes it', async () => {
    const running = await server();
    const { client } = await signedIn(running, 'admin@demo');
    // Nothing listens on port 1: the poll says why it failed rather than throwing.
    const created = await client.call('admin.mailboxes.create', { name: 'support', host: '127.0.0.1', port: 1, secure: false, username: 'support@acme.example', password: 'hunter2', queueId: 'billing' });
    expect(created).toMatchObject({ name: 'support', folder: 'INBOX', enabled: true, queueId: 'billing', lastUid: 0 });
    expect(JSON.stringify(await client.call('admin.mailboxes.list', {}))).not.toContain('hunter2');
    expect(await refusal(client.call('admin.mailboxes.create', { name: 'support', host: 'imap.acme.example', username: 'x', password: 'y' }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^body\.name/) });

    const polled = await client.call('admin.mailboxes.poll', { id: created.id });
    expect(polled).toMatchObject({ fetched: 0, created: 0, error: expect.any(String), mailbox: { id: created.id, lastError: expect.any(String) } });

    expect(await client.call('admin.mailboxes.update', { id: created.id, changes: { enabled: false } })).toMatchObject({ id: created.id, enabled: false });
    expect((await refusal(client.call('admin.mailboxes.update', { id: created.id, changes: {} }))).code).toBe('invalid_input');
    expect((await client.call('admin.mailboxes.remove', { id: created.id })).id).toBe(created.id);
    expect(await client.call('admin.mailboxes.list', {})).toEqual([]);
    expect((await refusal(client.call('admin.mailboxes.poll', { id: created.id }))).code).toBe('not_found');
  });

  it('refuses an agent with the server’s reason, someone signed out, and everyone while the server is away', async () => {
    const running = await server();
    const { desk, client } = await signedIn(running, 'agent@demo');
    expect(await refusal(client.call('admin.integrations.list', {}))).toEqual({ code: 'forbidden', message: 'Only admins manage integrations' });
    expect((await refusal(client.call('admin.templates.list', {}))).code).toBe('forbidden');

    await desk.api['session.logout']({});
    expect((await refusal(client.call('admin.outbound.list', {}))).code).toBe('unauthorized');

    const admin = await signedIn(running, 'admin@demo');
    await running.stop({ keepData: true });
    expect((await refusal(admin.client.call('admin.quarantine.list', {}))).code).toBe('unavailable');
  });
});
