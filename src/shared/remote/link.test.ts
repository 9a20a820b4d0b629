import { describe, expect, it } from 'vitest';
import { AssetInputSchema, belongsToRequester } from './asset.js';
import { hostMatches, isHost, parseHostPattern } from './hosts.js';
import { buildRemoteLink, checkRemoteLink, type RemoteLinkProblem } from './link.js';
import { remoteSessionNote } from './note.js';
import { AllowlistSchema, patternProblems, patternProblemText, RemoteSettingsSchema, RemoteToolSchema, type RemoteSettings } from './settings.js';

const settings: RemoteSettings = RemoteSettingsSchema.parse({
  tools: [
    { id: 'ssh', name: 'SSH', urlPattern: 'ssh://{user}@{host}:{port}', defaultPort: 22 },
    { id: 'rdp', name: 'Remote Desktop', urlPattern: 'rdp://full%20address=s:{host}:{port}', defaultPort: 3389 },
    { id: 'vnc', name: 'VNC', urlPattern: 'vnc://{host}:{port}', defaultPort: 5900 },
    { id: 'support', name: 'Remote support', urlPattern: 'https://support.example.com/session?host={host}' },
    { id: 'telnet', name: 'Telnet', urlPattern: 'telnet://{host}' },
  ],
  allowlist: { schemes: ['ssh', 'rdp', 'vnc', 'https'], hosts: ['*.corp.example.com', '10.0.0.0/8', 'support.example.com', 'pos-17.riga.example'] },
});

describe('building remote links', () => {
  it.each([
    ['ssh with user and default port', { toolId: 'ssh', user: 'admin' }, 'db1.corp.example.com', 'ssh://admin@db1.corp.example.com:22'],
    ['ssh with its own port', { toolId: 'ssh', user: 'ops', port: 2222 }, 'db1.corp.example.com', 'ssh://ops@db1.corp.example.com:2222'],
    ['rdp in Microsoft’s full-address form', { toolId: 'rdp' }, '10.20.0.15', 'rdp://full%20address=s:10.20.0.15:3389'],
    ['vnc to another host than the asset’s', { toolId: 'vnc', host: 'kvm.corp.example.com' }, '10.1.1.1', 'vnc://kvm.corp.example.com:5900'],
    ['a support tool naming the host in its query', { toolId: 'support' }, 'pos-17.riga.example', 'https://support.example.com/session?host=pos-17.riga.example'],
    ['host case is folded', { toolId: 'vnc' }, 'WS-12.Corp.Example.com', 'vnc://ws-12.corp.example.com:5900'],
  ])('%s', (_, access, host, url) => {
    const link = buildRemoteLink({ host }, access, settings);
    expect(link).toMatchObject({ ok: true, url });
  });

  it.each<[string, Parameters<typeof buildRemoteLink>[1], string, RemoteLinkProblem]>([
    ['a tool the admins removed', { toolId: 'teamviewer' }, 'db1.corp.example.com', 'unknown_tool'],
    ['ssh without a user', { toolId: 'ssh' }, 'db1.corp.example.com', 'missing_value'],
    ['a host outside the allowlist', { toolId: 'vnc' }, 'evil.example.net', 'host_not_allowed'],
    ['the allowlisted domain itself, not under it', { toolId: 'vnc' }, 'corp.example.com', 'host_not_allowed'],
    ['a look-alike suffix', { toolId: 'vnc' }, 'evilcorp.example.com', 'host_not_allowed'],
    ['an address outside the network', { toolId: 'vnc' }, '11.0.0.1', 'host_not_allowed'],
    ['a scheme not on the allowlist', { toolId: 'telnet' }, 'db1.corp.example.com', 'scheme_not_allowed'],
    ['a user smuggling a password', { toolId: 'ssh', user: 'root:hunter2' }, 'db1.corp.example.com', 'invalid_value'],
    ['a user smuggling another host', { toolId: 'ssh', user: 'x@evil.example.net' }, 'db1.corp.example.com', 'invalid_value'],
    ['a host smuggling a path', { toolId: 'vnc' }, 'evil.example.net/.corp.example.com', 'invalid_value'],
    ['a host with a fragment', { toolId: 'vnc' }, 'evil.example.net#.corp.example.com', 'invalid_value'],
    ['a host with a new line', { toolId: 'vnc' }, 'db1.corp.example.com\nevil', 'invalid_value'],
    ['a decimal IPv4 that a browser reads as 10.0.0.1', { toolId: 'vnc' }, '167772161', 'invalid_value'],
    ['a hex IPv4', { toolId: 'vnc' }, '0x0a.0.0.1', 'invalid_value'],
    ['a short IPv4', { toolId: 'vnc' }, '10.1', 'invalid_value'],
    ['an IPv4 with leading zeros (octal to some)', { toolId: 'vnc' }, '010.0.0.1', 'invalid_value'],
    ['a non-ASCII host', { toolId: 'vnc' }, 'dЬ1.corp.example.com', 'invalid_value'],
  ])('refuses %s', (_, access, host, problem) => {
    const link = buildRemoteLink({ host }, access, settings);
    expect(link).toMatchObject({ ok: false, problem });
  });

  it('never builds from a pattern that holds a literal login, even if one reached the settings', () => {
    const smuggled = { ...settings, tools: [{ id: 'ssh', name: 'SSH', urlPattern: 'ssh://root:pw@{host}' }] };
    expect(buildRemoteLink({ host: 'db1.corp.example.com' }, { toolId: 'ssh' }, smuggled)).toMatchObject({ ok: false, problem: 'credentials_in_link' });
  });
});

describe('checking finished links', () => {
  const allowlist = settings.allowlist;
  it.each<[string, string, RemoteLinkProblem]>([
    ['javascript:alert(1)', 'db1.corp.example.com', 'scheme_forbidden'],
    ['JavaScript:alert(1)//db1.corp.example.com', 'db1.corp.example.com', 'scheme_forbidden'],
    ['file:///etc/passwd', 'db1.corp.example.com', 'scheme_forbidden'],
    ['data:text/html,<script>', 'db1.corp.example.com', 'scheme_forbidden'],
    ['ms-msdt:/id PCWDiagnostic', 'db1.corp.example.com', 'control_characters'],
    ['ms-msdt://db1.corp.example.com', 'db1.corp.example.com', 'scheme_forbidden'],
    ['ssh://db1.corp.example.com\u0000.evil', 'db1.corp.example.com', 'control_characters'],
    ['ssh://db1.corp.example.com\t', 'db1.corp.example.com', 'control_characters'],
    ['ssh://root:pw@db1.corp.example.com', 'db1.corp.example.com', 'credentials_in_link'],
    ['ssh://a@b@db1.corp.example.com', 'db1.corp.example.com', 'credentials_in_link'],
    ['ssh://root%3apw@db1.corp.example.com', 'db1.corp.example.com', 'credentials_in_link'],
    ['https://support.example.com@evil.example.net/', 'support.example.com', 'host_not_allowed'],
    ['https://evil.example.net/session?host=db1.corp.example.com', 'db1.corp.example.com', 'host_not_allowed'],
    ['https://support.example.com/session?host=evil.example.net', 'evil.example.net', 'host_not_allowed'],
    ['vnc:db1.corp.example.com', 'db1.corp.example.com', 'invalid_link'],
    ['//db1.corp.example.com', 'db1.corp.example.com', 'invalid_link'],
    ['vnc://db1.corp.example.com.:5900', 'db1.corp.example.com', 'invalid_link'],
    ['vnc://[::1]:5900', 'db1.corp.example.com', 'invalid_link'],
  ])('%s is refused (%s)', (url, host, problem) => {
    expect(checkRemoteLink(url, allowlist, host)).toMatchObject({ ok: false, problem });
  });

  it('lets through what the allowlist names', () => {
    expect(checkRemoteLink('ssh://admin@db1.corp.example.com:22', allowlist, 'db1.corp.example.com')).toEqual({ ok: true });
    expect(checkRemoteLink('rdp://full%20address=s:10.20.0.15:3389&audiomode=i:2', allowlist, '10.20.0.15')).toEqual({ ok: true });
  });

  it('an empty allowlist opens nothing', () => {
    expect(checkRemoteLink('ssh://db1.corp.example.com', { schemes: [], hosts: [] }, 'db1.corp.example.com')).toMatchObject({ ok: false, problem: 'scheme_not_allowed' });
  });
});

describe('host patterns', () => {
  it.each([
    ['*.corp.example.com', 'a.b.corp.example.com', true],
    ['*.corp.example.com', 'corp.example.com', false],
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '9.255.255.255', false],
    ['192.168.10.0/24', '192.168.10.200', true],
    ['192.168.10.0/24', '192.168.11.1', false],
    ['192.0.2.10', '192.0.2.10', true],
    ['Server.Example.com', 'server.example.com', true],
  ])('%s matches %s: %s', (pattern, host, expected) => {
    expect(hostMatches(parseHostPattern(pattern)!, host)).toBe(expected);
  });

  it.each(['*', '*.com', '*.10.0.0.1', '10.0.0.1/8', '10.0.0.0/4', '10.0.0.0/33', 'a..b', '-a.example.com', 'host/path', '*.*.example.com', ''])('refuses the pattern %j', (pattern) => {
    expect(parseHostPattern(pattern)).toBeNull();
  });

  it('reads only canonical hosts', () => {
    expect(isHost('pos-17.riga.example')).toBe(true);
    expect(isHost('xn--d1acufc.example')).toBe(true);
    expect(isHost('256.1.1.1')).toBe(false);
    expect(isHost('a_b.example')).toBe(false);
  });
});

describe('admin settings', () => {
  it.each([
    ['javascript:{host}', 'never allowed'],
    ['ssh://root:secret@{host}', 'no login or password'],
    ['ssh://admin@{host}', 'no login or password'],
    ['ssh://{user}@{host}:{pass}', 'unknown placeholder {pass}'],
    ['ssh://{host} -oProxyCommand=x', 'printable ASCII'],
    ['ssh://{ho{st}', 'unbalanced'],
    ['https://support.example.com/', 'must contain {host}'],
    ['vnc:{host}', 'scheme://'],
  ])('refuses the pattern %s', (pattern, problem) => {
    expect(patternProblems(pattern).map(patternProblemText).join('; ')).toContain(problem);
  });

  it('accepts the usual patterns', () => {
    for (const pattern of ['ssh://{user}@{host}:{port}', 'rdp://full%20address=s:{host}', 'vnc://{host}:{port}', 'https://support.example.com/session?host={host}']) {
      expect(patternProblems(pattern)).toEqual([]);
    }
  });

  it('a pattern with {port} needs a default port; tool ids are unique', () => {
    expect(RemoteToolSchema.safeParse({ id: 'vnc', name: 'VNC', urlPattern: 'vnc://{host}:{port}' }).success).toBe(false);
    const twice = { tools: [settings.tools[2], settings.tools[2]], allowlist: settings.allowlist };
    expect(RemoteSettingsSchema.safeParse(twice).error?.issues[0]?.message).toBe('duplicate id "vnc"');
  });

  it('the allowlist refuses forbidden schemes and unreadable host patterns', () => {
    expect(AllowlistSchema.safeParse({ schemes: ['javascript'], hosts: [] }).success).toBe(false);
    expect(AllowlistSchema.safeParse({ schemes: ['ssh'], hosts: ['*'] }).success).toBe(false);
    expect(AllowlistSchema.parse({ schemes: [' SSH '], hosts: ['*.Corp.Example.com'] })).toEqual({ schemes: ['ssh'], hosts: ['*.corp.example.com'] });
  });
});

describe('assets', () => {
  const router = AssetInputSchema.parse({
    owner: { kind: 'organisation', name: 'Baltic Freight', domain: 'baltic-freight.example' },
    name: 'Riga office router',
    kind: 'network_device',
    host: 'gw.riga.baltic-freight.example',
  });

  it('an organisation’s asset belongs to everyone writing from its domain, a person’s to them alone', () => {
    expect(belongsToRequester(router, 'Janis.Berzins@Baltic-Freight.example')).toBe(true);
    expect(belongsToRequester(router, 'someone@baltic-freight.example.evil.net')).toBe(false);
    const laptop = { owner: { kind: 'requester' as const, email: 'liga.ozola@baltic-freight.example' } };
    expect(belongsToRequester(laptop, 'liga.ozola@baltic-freight.example')).toBe(true);
    expect(belongsToRequester(laptop, 'janis.berzins@baltic-freight.example')).toBe(false);
  });

  it('notes and access default to empty', () => {
    expect(router).toMatchObject({ notes: '', access: [] });
  });

  it('the note names the asset, the tool, the agent and the minute in UTC', () => {
    expect(remoteSessionNote({ assetName: 'Riga office router', toolName: 'SSH', agentName: 'Sam Taylor', startedAt: '2026-11-24T11:31:45+02:00' })).toBe(
      'Remote session to Riga office router via SSH started by Sam Taylor at 2026-11-24 09:31 UTC',
    );
  });
});
