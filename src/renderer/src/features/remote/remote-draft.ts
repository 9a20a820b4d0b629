import { hostMatches, isHost, parseHostPattern } from '../../../../shared/remote/hosts.js';
import { patternPlaceholders, patternProblems, SchemeSchema, type PatternProblem, type RemoteSettings } from '../../../../shared/remote/settings.js';

/** A tool as the admin edits it: the port as typed. */
export interface ToolDraft {
  key: string;
  id: string;
  name: string;
  urlPattern: string;
  defaultPort: string;
}

/** The whole document being edited: both tabs save together, as one version. */
export interface RemoteDraft {
  tools: ToolDraft[];
  schemes: string;
  hosts: string;
}

export type ToolProblem = PatternProblem | { code: 'port' };
export type LineProblem = { kind: 'scheme' | 'host'; line: number; value: string };

export function toDraft(settings: RemoteSettings): RemoteDraft {
  return {
    tools: settings.tools.map((tool) => ({ key: crypto.randomUUID(), id: tool.id, name: tool.name, urlPattern: tool.urlPattern, defaultPort: tool.defaultPort?.toString() ?? '' })),
    schemes: settings.allowlist.schemes.join('\n'),
    hosts: settings.allowlist.hosts.join('\n'),
  };
}

const lines = (text: string) => text.split('\n').map((line) => line.trim());

export function fromDraft(draft: RemoteDraft): RemoteSettings {
  return {
    tools: draft.tools.map(({ id, name, urlPattern, defaultPort }) => ({ id: id.trim(), name: name.trim(), urlPattern: urlPattern.trim(), ...(defaultPort.trim() ? { defaultPort: Number(defaultPort) } : {}) })),
    allowlist: { schemes: lines(draft.schemes).filter(Boolean).map((scheme) => scheme.toLowerCase()), hosts: lines(draft.hosts).filter(Boolean).map((host) => host.toLowerCase()) },
  };
}

/** What the admin must fix in a tool before saving, as the server would refuse it (port: 1–65535, whole). */
export function toolProblems(tool: ToolDraft): ToolProblem[] {
  const port = tool.defaultPort.trim();
  const badPort = port !== '' && (!/^[1-9][0-9]{0,4}$/.test(port) || Number(port) > 65535);
  const needsPort = patternPlaceholders(tool.urlPattern).includes('port') && port === '';
  return [...patternProblems(tool.urlPattern.trim()), ...(badPort || needsPort ? [{ code: 'port' as const }] : [])];
}

/** The allowlist's lines that are not a scheme or host pattern that may be allowed, numbered from 1. */
export function allowlistProblems(draft: Pick<RemoteDraft, 'schemes' | 'hosts'>): LineProblem[] {
  const bad = (kind: LineProblem['kind'], text: string, ok: (value: string) => boolean) =>
    lines(text).flatMap((value, index) => (value !== '' && !ok(value) ? [{ kind, line: index + 1, value }] : []));
  return [...bad('scheme', draft.schemes, (value) => SchemeSchema.safeParse(value).success), ...bad('host', draft.hosts, (value) => parseHostPattern(value) !== null)];
}

/** Whether the allowlist being edited lets a host through: what "Try a host" answers. */
export function tryHost(draft: Pick<RemoteDraft, 'hosts'>, host: string): 'allowed' | 'refused' | 'invalid' {
  const name = host.trim().toLowerCase();
  if (!isHost(name)) return 'invalid';
  const patterns = lines(draft.hosts).map(parseHostPattern);
  return patterns.some((pattern) => pattern !== null && hostMatches(pattern, name)) ? 'allowed' : 'refused';
}
