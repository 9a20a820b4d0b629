/**
 * Host names and host patterns as remote-access links use them. Deliberately narrower than what a
 * URL parser accepts: only ASCII names (IDN as punycode) and canonical dotted IPv4, because every
 * looser form (`0x0a.1`, `167772161`, `10.1`, a trailing dot, percent-escapes) is read by browsers
 * and remote-desktop clients as some other host than the one an allowlist compares.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** The last label of a name WHATWG URL parsing turns into an IPv4 address (decimal, octal or hex). */
const NUMERIC_LABEL = /^(0x[0-9a-f]*|[0-9]+)$/;

/** A dotted quad with every part 0–255 and no leading zeros; anything else numeric is refused. */
export function parseIpv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Whether `host` (already lower-case) is a host name or an IPv4 address a link may name. */
export function isHost(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  if (NUMERIC_LABEL.test(labels[labels.length - 1]!)) return parseIpv4(host) !== null;
  return labels.every((label) => LABEL.test(label));
}

/** A host pattern of the allowlist, parsed once. */
export type HostPattern = { kind: 'exact'; host: string } | { kind: 'subdomains'; suffix: string } | { kind: 'cidr'; network: number; bits: number };

/**
 * `server.corp.example.com` (that host), `*.corp.example.com` (any name under it, at any depth, but
 * not corp.example.com itself), `192.0.2.10` or `10.0.0.0/8` (IPv4 network; host bits must be zero).
 * Answers null for anything else, so a pattern is never half-understood.
 */
export function parseHostPattern(text: string): HostPattern | null {
  const pattern = text.trim().toLowerCase();
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(2);
    // A wildcard over a whole top-level domain or an IP range written as a name allows far too much.
    return isHost(suffix) && parseIpv4(suffix) === null && suffix.includes('.') ? { kind: 'subdomains', suffix } : null;
  }
  const slash = pattern.indexOf('/');
  if (slash >= 0) {
    const network = parseIpv4(pattern.slice(0, slash));
    const bitsText = pattern.slice(slash + 1);
    if (network === null || !/^(0|[1-9][0-9]?)$/.test(bitsText)) return null;
    const bits = Number(bitsText);
    if (bits < 8 || bits > 32 || network % 2 ** (32 - bits) !== 0) return null;
    return { kind: 'cidr', network, bits };
  }
  return isHost(pattern) ? { kind: 'exact', host: pattern } : null;
}

export function hostMatches(pattern: HostPattern, host: string): boolean {
  switch (pattern.kind) {
    case 'exact':
      return host === pattern.host;
    case 'subdomains':
      return host.endsWith(`.${pattern.suffix}`);
    case 'cidr': {
      const address = parseIpv4(host);
      const size = 2 ** (32 - pattern.bits);
      return address !== null && Math.floor(address / size) === pattern.network / size;
    }
  }
}
