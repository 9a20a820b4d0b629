/**
 * The requester's address if mail can reach it. The server gives callers without an address and webhook
 * authors a placeholder under `.invalid` (RFC 2606: never delivered), which is no address to show.
 */
export function mailableAddress(email: string): string | null {
  return /\.invalid$/i.test(email.trim()) ? null : email;
}
