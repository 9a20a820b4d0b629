/**
 * When the console offers an agent the handoff draft: half an hour before their shift ends, time to
 * write a handover without leaving the shift's last tickets unanswered. A desk sets another lead for
 * its consoles with SHIFTDESK_HANDOFF_DRAFT_MINUTES, like the server address. Kept apart from the
 * core so the Electron main process can read it without loading the replica.
 */
export const DEFAULT_HANDOFF_DRAFT_MINUTES = 30;

/** SHIFTDESK_HANDOFF_DRAFT_MINUTES as both console hosts read it: 1 to 480 minutes, or unset for the default. */
export function handoffDraftMinutesFrom(env: Record<string, string | undefined>): number {
  const value = env.SHIFTDESK_HANDOFF_DRAFT_MINUTES;
  if (value === undefined || value === '') return DEFAULT_HANDOFF_DRAFT_MINUTES;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 480) throw new Error(`SHIFTDESK_HANDOFF_DRAFT_MINUTES: expected whole minutes from 1 to 480, got "${value}"`);
  return minutes;
}
