import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.js';

let dir: string;

/** The CLI as an admin runs it: a separate process, its output and exit code. */
function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiftdesk-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nineToFive = [['09:00', '17:00']];
const weekdays = { timeZone: 'Europe/Warsaw', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] } };

describe('admin CLI: sla', () => {
  it('prints the due instant as ISO-8601 UTC on one line', () => {
    const result = cli(['sla', 'due', '--calendar', file('weekdays.json', weekdays), '--start', '2026-11-20T15:30:00Z', '--minutes', '60']);
    expect(result).toMatchObject({ code: 0, out: '2026-11-23T08:30:00.000Z' });
  });

  it('names the field of a bad calendar file and exits non-zero', () => {
    const bad = file('bad.json', { ...weekdays, hours: { ...weekdays.hours, tue: [['09:00', '5pm']] } });
    const result = cli(['sla', 'due', '--calendar', bad, '--start', '2026-11-20T15:30:00Z', '--minutes', '60']);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('hours.tue.0.1');
    expect(result.out).toBe('');
  });

  it('names the field of a bad policy file', () => {
    const policy = { calendars: { w: weekdays }, rules: [{ id: 'r', name: 'R', targets: { firstResponse: 60 }, calendar: 'x' }] };
    const result = cli(['sla', 'check', '--policy', file('policy.json', policy)]);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('rules.0.calendar');
    expect(cli(['sla', 'check', '--policy', file('good.json', { ...policy, rules: [{ ...policy.rules[0], calendar: 'w' }] })])).toMatchObject({ code: 0 });
  });

  it('explains a ticket’s clocks from the server’s data folder', async () => {
    const server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
    // A round-the-clock ticket has counted time whatever the hour the test runs at.
    const { number } = await server.context.db.selectFrom('tickets').select('number').where('sla_json', 'like', '%"calendarId":"round-the-clock"%').orderBy('number').executeTakeFirstOrThrow();
    await server.stop({ keepData: true });
    const result = cli(['sla', 'explain', '--ticket', String(number)], { SHIFTDESK_DATA: server.dataDir });
    rmSync(server.dataDir, { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^Ticket #${number} `));
    expect(result.out).toMatch(/Rule ".+" \(\w+-\w+-\w+-\w+\), policy version 1/);
    expect(result.out).toMatch(/First response: /);
    expect(result.out).toMatch(/counted \d+/);
  });
});
