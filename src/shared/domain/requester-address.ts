/**
 * Requesters the desk cannot write to (phone callers, chat visitors and webhook authors who gave no
 * email, monitoring systems) still need an address: one under the reserved `.invalid` top-level
 * domain (RFC 2606) can never receive mail, so the server never sends to it and consoles never show it.
 */
export function placeholderAddress(localPart: string, site = 'shiftdesk'): string {
  return `${localPart}@${site}.invalid`;
}

export function isPlaceholderAddress(email: string): boolean {
  return /\.invalid$/i.test(email.trim());
}
