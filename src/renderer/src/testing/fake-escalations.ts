import { defaultAlertSettings, type AlertRing, type AlertStatus } from '../../../shared/alerts/alert.js';
import type { LocalEscalation } from '../../../shared/desk-api/contract.js';
import { escalationTargets } from '../../../shared/desk-api/escalation-targets.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import type { Queue, User } from '../../../shared/domain/people.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { Tone } from '../../../shared/alerts/tones.js';
import type { AlertOutput, DesktopPermission } from '../features/escalation/alert-output.js';
import type { FakeDesk } from './fake-desk.js';
import { testNow } from './test-time.js';

/** On shift, nothing quiet, nothing held, default settings: what most tests need of the alerter. */
export const onShiftStatus: AlertStatus = {
  duty: { onShift: true, onCall: false, away: false, inQuietWindow: false },
  quiet: [],
  nextChangeAt: null,
  held: [],
  digestDue: false,
  ringing: 0,
  settings: defaultAlertSettings,
};

export interface EscalationDesk {
  /** The agent's escalations (`escalations.mine`, newest first is the test's to arrange); a ticket's are filtered from them. */
  escalations: LocalEscalation[];
  alertStatus: AlertStatus;
  /** Replaces the escalations and fires `escalations.changed`, as a pull or push does. */
  setEscalations(escalations: LocalEscalation[]): void;
  /** Replaces the status and fires `alerts.changed`, as the alerter does. */
  setAlertStatus(change: Partial<AlertStatus>): void;
  /** Fires `alerts.ring`, as the alerter does when something is to be heard and seen. */
  ring(ring: AlertRing): void;
}

/**
 * Escalations and alerts for a fake desk, like the core: escalating shows a pending escalation at
 * once, an acknowledgement or decline marks it answered here, and each fires `escalations.changed`.
 */
export function installEscalations(
  desk: FakeDesk,
  live: { user(): User | null; queues(): Queue[]; tickets(): Ticket[] },
  initial: { escalations?: LocalEscalation[]; alertStatus?: AlertStatus },
): EscalationDesk {
  const state = { escalations: initial.escalations ?? [], alertStatus: initial.alertStatus ?? onShiftStatus };
  let step = 0;
  const now = () => new Date(testNow + ++step * 1000).toISOString();
  const changed = (id: string) => desk.emit('escalations.changed', { ids: [id] });
  const find = (id: string) => {
    const escalation = state.escalations.find((candidate) => candidate.id === id);
    if (!escalation) throw new DeskError('not_found', `No escalation ${id}`);
    return escalation;
  };
  const replace = (id: string, change: Partial<LocalEscalation>) => {
    state.escalations = state.escalations.map((escalation) => (escalation.id === id ? { ...escalation, ...change } : escalation));
    changed(id);
  };

  Object.assign(desk.api, {
    'escalations.mine': async () => state.escalations,
    'escalations.forTicket': async ({ ticketId }: { ticketId: string }) => state.escalations.filter((escalation) => escalation.ticketId === ticketId),
    'escalations.targets': async ({ ticketId }: { ticketId: string }) => {
      const ticket = live.tickets().find((candidate) => candidate.id === ticketId);
      if (!ticket) throw new DeskError('not_found', `ticketId: no ticket ${ticketId} in your queues`);
      return escalationTargets(live.queues(), ticket.queueId);
    },
    'escalations.escalate': async ({ ticketId, target, reason }: { ticketId: string; target: { tier: 2 | 3 } | { queueId: string }; reason: string }) => {
      const ticket = live.tickets().find((candidate) => candidate.id === ticketId)!;
      const from = live.queues().find((queue) => queue.id === ticket.queueId)!;
      const targets = escalationTargets(live.queues(), ticket.queueId);
      const to = 'tier' in target ? targets.tiers.find((option) => option.tier === target.tier)!.queue : live.queues().find((queue) => queue.id === target.queueId)!;
      const user = live.user()!;
      const at = now();
      const escalation: LocalEscalation = {
        id: crypto.randomUUID(),
        ticketId,
        ticketNumber: ticket.number,
        ticketSubject: ticket.subject,
        priority: ticket.priority,
        channel: ticket.channel,
        customerTier: ticket.customerTier,
        from: { tier: from.tier, queueId: from.id, queueName: from.name },
        to: { tier: to.tier, queueId: to.id, queueName: to.name },
        trigger: 'manual',
        reason,
        detail: null,
        escalatedBy: { userId: user.id, name: user.name },
        escalatedAt: at,
        state: 'paging',
        policyId: null,
        policyName: null,
        level: 1,
        levelCount: 1,
        round: 1,
        roundCount: 1,
        paged: [],
        pages: [],
        acknowledgedBy: null,
        acknowledgedAt: null,
        declines: [],
        nextTimeoutAt: null,
        updatedAt: at,
        pending: true,
        acknowledgementPending: false,
        declinePending: false,
      };
      state.escalations = [escalation, ...state.escalations];
      changed(escalation.id);
      return { id: escalation.id };
    },
    'escalations.acknowledge': async ({ id }: { id: string }) => {
      const user = live.user()!;
      find(id);
      replace(id, { state: 'acknowledged', paged: [], acknowledgedBy: { userId: user.id, name: user.name }, acknowledgedAt: now(), nextTimeoutAt: null, acknowledgementPending: true });
      return { queued: true };
    },
    'escalations.decline': async ({ id, reason }: { id: string; reason: string }) => {
      const user = live.user()!;
      const escalation = find(id);
      replace(id, { declines: [...escalation.declines, { userId: user.id, name: user.name, reason, at: now() }], declinePending: true });
      return { queued: true };
    },
    'alerts.status': async () => state.alertStatus,
    'alerts.configure': async (change: Partial<AlertStatus['settings']>) => {
      state.alertStatus = { ...state.alertStatus, settings: { ...state.alertStatus.settings, ...change } };
      return state.alertStatus;
    },
    'alerts.dismissDigest': async ({ ids }: { ids: string[] }) => {
      state.alertStatus = { ...state.alertStatus, held: state.alertStatus.held.filter((alert) => !ids.includes(alert.id)), digestDue: false };
      return state.alertStatus;
    },
  });

  return Object.defineProperties(
    {
      setEscalations(escalations: LocalEscalation[]) {
        state.escalations = escalations;
        desk.emit('escalations.changed', { ids: escalations.map((escalation) => escalation.id) });
      },
      setAlertStatus(change: Partial<AlertStatus>) {
        state.alertStatus = { ...state.alertStatus, ...change };
        desk.emit('alerts.changed', state.alertStatus);
      },
      ring(ring: AlertRing) {
        desk.emit('alerts.ring', ring);
      },
    },
    {
      escalations: { get: () => state.escalations, set: (escalations: LocalEscalation[]) => (state.escalations = escalations), enumerable: true },
      alertStatus: { get: () => state.alertStatus, set: (status: AlertStatus) => (state.alertStatus = status), enumerable: true },
    },
  ) as EscalationDesk;
}

/** An AlertOutput that records what it is asked to play and show; desktop notifications as the test says. */
export function recordingOutput(options: { permission?: DesktopPermission; focused?: boolean; nativeShell?: boolean } = {}) {
  const played: Tone[] = [];
  const notified: { id: string; title: string; body: string }[] = [];
  let permission: DesktopPermission = options.permission ?? 'default';
  const output: AlertOutput = {
    player: { play: (tone) => void played.push(tone) },
    nativeShell: options.nativeShell ?? false,
    permission: () => permission,
    async requestPermission() {
      permission = 'granted';
      return permission;
    },
    focused: () => options.focused ?? true,
    notify: (alert, text) => void notified.push({ id: alert.id, ...text }),
  };
  return { output, played, notified };
}
