import type { TFunction } from 'i18next';
import { channels, customerTiers, priorities, ticketTypes } from '../../../shared/domain/ticket.js';

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/**
 * A ticket attribute's value as the labels elsewhere in the console name it ("critical" → "Critical"),
 * for the explanations that quote a rule (SLA, routing); anything else is shown as it is.
 */
export function attributeLabel(t: TFunction<'labels'>, field: string, value: string): string {
  if (field === 'customerTier' && isOneOf(customerTiers, value)) return t(`customerTier.${value}`);
  if (field === 'channel' && isOneOf(channels, value)) return t(`channel.${value}`);
  if (field === 'priority' && isOneOf(priorities, value)) return t(`priority.${value}`);
  if (field === 'type' && isOneOf(ticketTypes, value)) return t(`type.${value}`);
  return value;
}
