import { AssetAccessSchema, HostSchema, type Asset, type AssetAccess } from './asset.js';
import { hostMatches, isHost, parseHostPattern } from './hosts.js';
import { authorityOf, forbiddenSchemes, patternPlaceholders, PRINTABLE_ASCII, schemeOf, type Allowlist, type RemoteSettings } from './settings.js';

/** Why a link is not opened; the console translates each. */
export const remoteLinkProblems = [
  'unknown_tool',
  'missing_value',
  'invalid_value',
  'control_characters',
  'invalid_link',
  'scheme_forbidden',
  'scheme_not_allowed',
  'credentials_in_link',
  'host_not_allowed',
] as const;
export type RemoteLinkProblem = (typeof remoteLinkProblems)[number];

export type LinkCheck = { ok: true } | { ok: false; problem: RemoteLinkProblem; detail: string };

/** The `full address=s:` form Microsoft's rdp:// links use instead of an ordinary authority. */
const RDP_ADDRESS = 'full%20address=s:';

/** host[:port] → the host, or null when it is not one a link may name. */
function hostOfHostPort(hostPort: string): string | null {
  const colon = hostPort.lastIndexOf(':');
  const host = (colon >= 0 && /^[0-9]{1,5}$/.test(hostPort.slice(colon + 1)) ? hostPort.slice(0, colon) : hostPort).toLowerCase();
  return isHost(host) ? host : null;
}

function hostAllowed(allowlist: Allowlist, host: string): boolean {
  return allowlist.hosts.some((text) => {
    const pattern = parseHostPattern(text);
    return pattern !== null && hostMatches(pattern, host);
  });
}

/**
 * Whether a finished link may be opened: printable ASCII only, a scheme on the allowlist (and never
 * a forbidden one), no login or password before the host other than a plain user name, and the host
 * of the link, and the asset's host it was built for (a support tool's URL names both), allowed.
 * Anything it cannot read for certain is refused: a client may read it differently than we do.
 */
export function checkRemoteLink(url: string, allowlist: Allowlist, targetHost: string): LinkCheck {
  const refuse = (problem: RemoteLinkProblem, detail: string): LinkCheck => ({ ok: false, problem, detail });
  if (!PRINTABLE_ASCII.test(url) || url.length === 0) return refuse('control_characters', 'the link holds spaces, control characters or non-ASCII letters');
  const scheme = schemeOf(url);
  if (scheme === null) return refuse('invalid_link', 'the link has no scheme');
  if (forbiddenSchemes.has(scheme)) return refuse('scheme_forbidden', `${scheme}:`);
  if (!allowlist.schemes.includes(scheme)) return refuse('scheme_not_allowed', `${scheme}:`);
  const authority = authorityOf(url);
  if (authority === null) return refuse('invalid_link', 'not a scheme://host link');
  let hostPort = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userInfo = authority.slice(0, at);
    if (/[:@]/.test(userInfo) || /%(3a|40)/i.test(userInfo)) return refuse('credentials_in_link', 'a password or a second login before the host');
    hostPort = authority.slice(at + 1);
  }
  if (scheme === 'rdp' && hostPort.startsWith(RDP_ADDRESS)) hostPort = hostPort.slice(RDP_ADDRESS.length).split('&')[0]!;
  const linkHost = hostOfHostPort(hostPort);
  if (linkHost === null) return refuse('invalid_link', `cannot read the host of ${authority}`);
  for (const host of new Set([linkHost, targetHost.toLowerCase()])) {
    if (!isHost(host)) return refuse('invalid_link', `not a host: ${host}`);
    if (!hostAllowed(allowlist, host)) return refuse('host_not_allowed', host);
  }
  return { ok: true };
}

export type RemoteLink =
  | { ok: true; url: string; toolId: string; toolName: string; host: string }
  | { ok: false; toolId: string; toolName: string | null; host: string; problem: RemoteLinkProblem; detail: string };

/**
 * The link to one of an asset's ways in, built from the admins' pattern and checked against their
 * allowlist. Every value is validated again (a replica row is data, not proof) and percent-encoded
 * where it goes, so nothing an asset holds can change the link's shape.
 */
export function buildRemoteLink(asset: Pick<Asset, 'host'>, access: AssetAccess, settings: RemoteSettings): RemoteLink {
  const tool = settings.tools.find((candidate) => candidate.id === access.toolId);
  const host = (access.host ?? asset.host).toLowerCase();
  const base = { toolId: access.toolId, toolName: tool?.name ?? null, host };
  if (!tool) return { ...base, ok: false, problem: 'unknown_tool', detail: access.toolId };
  const checked = AssetAccessSchema.safeParse(access);
  if (!checked.success || !HostSchema.safeParse(host).success) return { ...base, ok: false, problem: 'invalid_value', detail: host };
  const values: Record<string, string | undefined> = { host, port: String(access.port ?? tool.defaultPort ?? ''), user: access.user };
  for (const name of patternPlaceholders(tool.urlPattern)) {
    if (!values[name]) return { ...base, ok: false, problem: 'missing_value', detail: name };
  }
  const url = tool.urlPattern.replace(/\{(host|port|user)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
  const check = checkRemoteLink(url, settings.allowlist, host);
  return check.ok ? { ...base, ok: true, url, toolName: tool.name } : { ...base, ...check };
}
