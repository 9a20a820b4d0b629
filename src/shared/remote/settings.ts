import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { PortSchema, ToolIdSchema } from './asset.js';
import { parseHostPattern } from './hosts.js';

/**
 * Schemes no remote tool needs and every link-injection attack does: script, local files, inline
 * data, and Windows protocol handlers with a history of remote code execution. Refused even if an
 * admin lists them.
 */
export const forbiddenSchemes: ReadonlySet<string> = new Set([
  'javascript',
  'vbscript',
  'data',
  'file',
  'blob',
  'about',
  'filesystem',
  'view-source',
  'jar',
  'ms-msdt',
  'search-ms',
  'ms-officecmd',
]);

const SCHEME = /^[a-z][a-z0-9+.-]{0,31}$/;
export const placeholders = ['host', 'port', 'user'] as const;
export type Placeholder = (typeof placeholders)[number];

/** Printable ASCII only: no spaces, tabs, new lines, other control characters or look-alike letters. */
export const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** The scheme a link or pattern starts with, lower-case; null when it has none. */
export function schemeOf(text: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  return match ? match[1]!.toLowerCase() : null;
}

/** The placeholders a pattern uses, in order, repeated ones once. */
export function patternPlaceholders(pattern: string): Placeholder[] {
  return [...new Set([...pattern.matchAll(/\{([a-z]+)\}/g)].map((match) => match[1] as Placeholder))];
}

/** What can be wrong with an admin's URL pattern; the console words each in the admin's language. */
export type PatternProblem =
  | { code: 'not_printable' }
  | { code: 'no_scheme' }
  | { code: 'forbidden_scheme'; detail: string }
  | { code: 'unknown_placeholder'; detail: string }
  | { code: 'unbalanced_braces' }
  | { code: 'no_host' }
  | { code: 'not_hierarchical' }
  | { code: 'credentials' };

/**
 * What is wrong with an admin's URL pattern; empty when nothing is. The host, port and user come
 * from the asset, never from the pattern: a pattern with a literal login or password would hand
 * every agent the same credentials.
 */
export function patternProblems(pattern: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  if (!PRINTABLE_ASCII.test(pattern)) problems.push({ code: 'not_printable' });
  const scheme = schemeOf(pattern);
  if (scheme === null || !SCHEME.test(scheme)) problems.push({ code: 'no_scheme' });
  else if (forbiddenSchemes.has(scheme)) problems.push({ code: 'forbidden_scheme', detail: scheme });
  const names = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
  for (const name of names) if (!(placeholders as readonly string[]).includes(name)) problems.push({ code: 'unknown_placeholder', detail: name });
  if (pattern.replace(/\{[^{}]*\}/g, '').match(/[{}]/)) problems.push({ code: 'unbalanced_braces' });
  if (!names.includes('host')) problems.push({ code: 'no_host' });
  if (scheme !== null && pattern.slice(scheme.length + 1, scheme.length + 3) !== '//') problems.push({ code: 'not_hierarchical' });
  const authority = authorityOf(pattern);
  if (authority !== null && authority.includes('@') && authority.slice(0, authority.lastIndexOf('@')) !== '{user}') problems.push({ code: 'credentials' });
  return problems;
}

/** The problem in words for the REST API, whose callers read English. */
export function patternProblemText(problem: PatternProblem): string {
  switch (problem.code) {
    case 'not_printable':
      return 'only printable ASCII without spaces (write a space as %20)';
    case 'no_scheme':
      return 'must start with a scheme such as ssh: or https:';
    case 'forbidden_scheme':
      return `the scheme ${problem.detail}: is never allowed`;
    case 'unknown_placeholder':
      return `unknown placeholder {${problem.detail}} (use {host}, {port}, {user})`;
    case 'unbalanced_braces':
      return 'unbalanced { or }';
    case 'no_host':
      return 'must contain {host}';
    case 'not_hierarchical':
      return 'must be a scheme://… link';
    case 'credentials':
      return 'no login or password in the pattern: only {user}@ may stand before the host';
  }
}

/** The `user@host:port` part of a `scheme://` link, or null for a link without one. */
export function authorityOf(link: string): string | null {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(link);
  return match ? match[1]! : null;
}

export const RemoteToolSchema = z
  .object({
    id: ToolIdSchema,
    /** What agents see: "SSH", "Remote Desktop", "ScreenConnect". */
    name: z.string().trim().min(1).max(60),
    /** e.g. `ssh://{user}@{host}:{port}`, `rdp://full%20address=s:{host}:{port}`, `https://support.example.com/session?host={host}`. */
    urlPattern: z.string().trim().min(1).max(500),
    /** Used when an asset's access entry names no port; required when the pattern has {port}. */
    defaultPort: PortSchema.optional(),
  })
  .strict()
  .superRefine((tool, context) => {
    for (const problem of patternProblems(tool.urlPattern)) context.addIssue({ code: 'custom', path: ['urlPattern'], message: patternProblemText(problem) });
    if (patternPlaceholders(tool.urlPattern).includes('port') && tool.defaultPort === undefined) {
      context.addIssue({ code: 'custom', path: ['defaultPort'], message: 'the pattern has {port}: give a default port' });
    }
  });
export type RemoteTool = z.infer<typeof RemoteToolSchema>;

export const SchemeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SCHEME, 'expected a scheme such as ssh, rdp, vnc or https')
  .refine((scheme) => !forbiddenSchemes.has(scheme), 'this scheme is never allowed');

export const HostPatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((pattern) => parseHostPattern(pattern) !== null, 'expected host.example.com, *.corp.example.com, 192.0.2.10 or 10.0.0.0/8 (IPv4, prefix 8–32)');

/** Where agents may connect: a link opens only if its scheme and every host it names are listed. */
export const AllowlistSchema = z
  .object({
    schemes: z.array(SchemeSchema).max(20),
    hosts: z.array(HostPatternSchema).max(500),
  })
  .strict();
export type Allowlist = z.infer<typeof AllowlistSchema>;

export const RemoteSettingsSchema = z
  .object({
    tools: z.array(RemoteToolSchema).max(30),
    allowlist: AllowlistSchema,
  })
  .strict()
  .superRefine((settings, context) => {
    const ids = settings.tools.map((tool) => tool.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['tools', index, 'id'], message: `duplicate id "${id}"` });
    });
  });
export type RemoteSettings = z.infer<typeof RemoteSettingsSchema>;

/** A desk nobody configured opens nothing: no tools, an empty allowlist. */
export const emptyRemoteSettings: RemoteSettings = { tools: [], allowlist: { schemes: [], hosts: [] } };

/** As stored: versioned, never edited (version 0 is the empty one), so a session's note can say which rules let it through. */
export const StoredRemoteSettingsSchema = z.object({
  version: z.number().int().min(0),
  document: RemoteSettingsSchema,
  updatedAt: IsoDateTimeSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export type StoredRemoteSettings = z.infer<typeof StoredRemoteSettingsSchema>;
