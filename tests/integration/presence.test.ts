import { describe, expect, it } from 'vitest';
import type { DeskCore } from '../../src/main/core/desk-core.js';
import { DeskError } from '../../src/shared/desk-api/errors.js';
import { steppingClock } from '../../src/server/testing/test-clock.js';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { nextEvent } from '../support/desk-events.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, core } = deskHarness('shiftdesk-presence-');

/** Monday 23 November 2026, 10:00 UTC: noon in Riga, the demo's Riga day (Jānis and Olga) at work. */
const mondayNoonRiga = Date.parse('2026-11-23T10:00:00.000Z');

async function signedIn(desk: DeskCore, email: string): Promise<void> {
  await desk.api['session.login']({ email, password: 'shiftdesk' });
  await expect.poll(async () => (await desk.api['connection.get']({})).status, { timeout: 15_000 }).toBe('online');
}

describe('the agent’s own status in the console', () => {
  it('is online once the console connects, and a status chosen here shows at once, reaches the server and comes back confirmed', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const olga = core(running.url, undefined, clock);
    const arrived = nextEvent(olga, 'agents.changed');
    await signedIn(olga, 'agent3@demo');
    await arrived;
    await expect.poll(() => olga.api['presence.get']({}), { timeout: 15_000 }).toEqual({ status: 'online', pending: false });

    const chosen = await olga.api['presence.set']({ status: 'away' });
    expect(chosen).toEqual({ status: 'away', pending: true });
    await expect.poll(() => olga.api['presence.get']({}), { timeout: 15_000 }).toEqual({ status: 'away', pending: false });
    const token = await loginAs(running.url, 'agent3@demo');
    const { body } = await callApi<{ items: { id: string; status: string; effectiveStatus: string }[] }>(running.url, '/api/v1/agents/status', { token });
    expect(body.items.find((agent) => agent.id === 'u-agent3')).toMatchObject({ status: 'away', effectiveStatus: 'away' });
    // Colleagues' consoles hear it on the agent row.
    expect((await olga.api['agents.list']({})).find((agent) => agent.id === 'u-agent3')?.status).toBe('away');
  });

  it('chosen offline waits in the outbox, shown as chosen, and applies when the console is back', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const dataDir = running.dataDir;
    const jaanis = core(running.url, undefined, clock);
    await signedIn(jaanis, 'agent2@demo');
    await running.stop({ keepData: true });
    await expect.poll(async () => (await jaanis.api['connection.get']({})).status, { timeout: 15_000 }).toBe('offline');

    expect(await jaanis.api['presence.set']({ status: 'offline' })).toEqual({ status: 'offline', pending: true });
    expect(await jaanis.api['presence.get']({})).toEqual({ status: 'offline', pending: true });

    await server({ clock, dataDir, port: Number(new URL(running.url).port) });
    await expect.poll(() => jaanis.api['presence.get']({}), { timeout: 20_000 }).toEqual({ status: 'offline', pending: false });
  });
});

describe('routing in the console', () => {
  it('shows why a ticket is where it is, asked of the server', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const olga = core(running.url, undefined, clock);
    await signedIn(olga, 'agent3@demo');
    const token = await loginAs(running.url, 'agent3@demo');
    const created = await callApi<{ ticket: { id: string } }>(running.url, '/api/v1/tickets', {
      method: 'POST',
      token,
      body: { subject: 'Invoice', body: 'Please resend the invoice', requesterName: 'Anna', requesterEmail: 'anna@example.com', queueId: 'billing' },
    });
    const { decisions } = await olga.api['tickets.routing']({ id: created.body.ticket.id });
    expect(decisions[0]).toMatchObject({ cause: 'ticket.new', queueChoice: 'intake', queueId: 'billing' });
    expect(decisions[0]!.steps[0]!.candidates.map((c) => c.agentId)).toContain('u-agent3');
  });

  it('lets an admin read and save the rules, and says so when someone saved meanwhile', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const admin = core(running.url, undefined, clock);
    await signedIn(admin, 'admin@demo');
    const rules = await admin.api['admin.routing.rules']({});
    const saved = await admin.api['admin.routing.saveRules']({ document: rules.document, reason: 'checked', baseVersion: rules.version });
    expect(saved.version).toBe(rules.version + 1);
    const stale = admin.api['admin.routing.saveRules']({ document: rules.document, reason: 'again', baseVersion: rules.version });
    await expect(stale).rejects.toBeInstanceOf(DeskError);
    await expect(stale).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^body\.baseVersion: /) });

    const queues = await admin.api['admin.routing.queues']({});
    expect(queues.map((queue) => queue.id)).toEqual(expect.arrayContaining(['general', 'billing', 'network', 'platform']));
    const agents = await admin.api['admin.routing.agents']({});
    const marta = agents.find((agent) => agent.id === 'u-agent')!;
    const updated = await admin.api['admin.routing.saveAgent']({ id: marta.id, settings: { skills: marta.skills, capacity: { ...marta.capacity, chat: 1 } } });
    expect(updated.capacity.chat).toBe(1);
  });

  it('refuses the admin settings to an agent', async () => {
    const clock = steppingClock(mondayNoonRiga);
    const running = await server({ clock });
    const olga = core(running.url, undefined, clock);
    await signedIn(olga, 'agent3@demo');
    await expect(olga.api['admin.routing.rules']({})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
