import type { Queue, User } from '../../src/shared/domain/people.js';
import type { Ticket } from '../../src/shared/domain/ticket.js';
import type { ClockReport } from '../../src/shared/sla/snapshot.js';

export const benchNow = Date.UTC(2026, 10, 24, 2, 0, 0);
export const benchAgent: User = { id: 'u-bench', email: 'bench@demo', name: 'Marta Nowak', role: 'agent', tier: 1, locale: 'en', timeZone: 'Europe/Warsaw', queueIds: ['general', 'billing', 'network', 'platform', 'hardware', 'accounts'] };
export const benchQueues: Queue[] = benchAgent.queueIds.map((id, index) => ({ id, name: id[0]!.toUpperCase() + id.slice(1), tier: ((index % 3) + 1) as 1 | 2 | 3 }));

const subjects = ['VPN drops every 10 minutes', 'Printer offline on floor 3', 'Invoice shows the wrong VAT', 'Cannot log in to the portal', 'Checkout returns 502', 'Mailbox full', 'Laptop will not boot', 'Password reset link expired', 'Slow database queries', 'Wi-Fi in meeting room B'];
const names = ['Jan Kowalski', 'Ilze Ozola', 'Olga Smirnova', 'Piotr Zieliński', 'Laura Bērziņa', 'Sam Carter', 'Anna Nowak', 'Jānis Kalniņš'];
// Channels weighted so that exactly 5 % are social: the filter the benchmark times leaves 5,000 of 100,000.
const channels = ['email', 'web', 'chat', 'phone', 'monitoring'] as const;
const priorities = ['critical', 'high', 'medium', 'low'] as const;
const statuses = ['new', 'open', 'open', 'pending', 'on_hold', 'solved'] as const;
const iso = (ms: number) => new Date(ms).toISOString();

function clock(kind: ClockReport['kind'], dueInMinutes: number, state: ClockReport['state'], targetMinutes: number): ClockReport {
  const due = benchNow + dueInMinutes * 60_000;
  const started = due - targetMinutes * 60_000;
  return {
    kind, state, targetMinutes, startedAt: iso(started), dueAt: state === 'paused' ? null : iso(due), warnAt: state === 'paused' ? null : iso(started + targetMinutes * 45_000),
    stoppedAt: state === 'met' ? iso(benchNow - 600_000) : null, pausedBy: state === 'paused' ? 'pending' : null, elapsedMinutes: targetMinutes - dueInMinutes,
    remainingMinutes: dueInMinutes, warning: dueInMinutes < targetMinutes / 4, nextChangeAt: null, breaches: dueInMinutes < 0 ? 1 : 0,
  };
}

/** 100,000 tickets of a believable desk: every channel, priority and state, countdowns from 3 h overdue to 2 days ahead. */
export function generateTickets(count: number): Ticket[] {
  const tickets: Ticket[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const status = statuses[i % statuses.length]!;
    const dueIn = ((i * 7919) % 3060) - 180;
    const firstState: ClockReport['state'] = status === 'solved' ? 'met' : status === 'pending' ? 'paused' : dueIn < 0 ? 'breached' : 'running';
    tickets[i] = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      number: 100_000 + i,
      subject: `${subjects[i % subjects.length]} (${i})`,
      requesterName: names[(i * 3) % names.length]!,
      requesterEmail: `customer${i % 5000}@example.test`,
      channel: i % 20 === 7 ? 'social' : channels[i % channels.length]!,
      priority: priorities[(i * 7) % priorities.length]!,
      customerTier: i % 9 === 0 ? 'premium' : 'standard',
      type: 'incident',
      status,
      queueId: benchQueues[i % benchQueues.length]!.id,
      assigneeId: i % 4 === 0 ? null : i % 4 === 1 ? benchAgent.id : `u-colleague-${i % 40}`,
      createdAt: iso(benchNow - 3_600_000),
      updatedAt: iso(benchNow - 600_000),
      firstRespondedAt: null,
      solvedAt: status === 'solved' ? iso(benchNow - 600_000) : null,
      tags: [],
      sla: {
        ruleId: 'rule-standard',
        ruleName: 'Standard',
        calendarId: 'always',
        computedAt: iso(benchNow - 60_000),
        clocks: [clock('firstResponse', dueIn, firstState, 240), clock('resolution', dueIn + 1200, firstState === 'met' ? 'met' : firstState === 'paused' ? 'paused' : 'running', 1440)],
      },
    };
  }
  return tickets;
}
