import { isPlaceholderAddress } from '../../../shared/domain/requester-address.js';

/** The requester's address if mail can reach it: a placeholder is no address to show. */
export function mailableAddress(email: string): string | null {
  return isPlaceholderAddress(email) ? null : email;
}
