import { z } from 'zod';

/** Per ticket: enough to classify a ticket, few enough to read at a glance in the header. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * One tag as stored: lower-case and trimmed, so "VPN" and "vpn " are the same tag whoever typed it.
 * Commas and whitespace inside a tag are refused: they are what the editor splits on.
 */
export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'a tag cannot be empty')
  .max(MAX_TAG_LENGTH, `a tag has at most ${MAX_TAG_LENGTH} characters`)
  .regex(/^[^\s,]+$/u, 'a tag has no spaces or commas');

/**
 * A ticket's tags after an edit, as a set: what one agent adds and another removes at the same time
 * both take effect (no `from` to conflict on). Added tags keep the order they were added in.
 */
export function applyTagChange(tags: readonly string[], change: { add: readonly string[]; remove: readonly string[] }): string[] {
  const removed = new Set(change.remove);
  const next = tags.filter((tag) => !removed.has(tag));
  for (const tag of change.add) if (!removed.has(tag) && !next.includes(tag)) next.push(tag);
  return next;
}
