import type { Clock } from '../shared/clock.js';
import type { ServerDb } from './storage/database.js';
import type { ChangeFeed } from './sync/change-feed.js';
import type { TicketStore } from './tickets/ticket-store.js';
import type { HandoffStore } from './handoffs/handoff-store.js';
import type { DeadlineLoop } from './scheduling/deadline-loop.js';
import type { SlaService } from './sla/sla-service.js';
import type { SlaScheduler } from './sla/sla-scheduler.js';
import type { CustomerNotifier } from './notifications/customer-notifier.js';
import type { CustomerLinks } from './notifications/customer-links.js';
import type { Deliverers } from './outbound/outbound-queue.js';
import type { ShiftDirectory } from './shifts/shift-directory.js';
import type { Router } from './routing/router.js';
import type { EscalationService } from './escalations/escalation-service.js';

/** What every area of the server is handed: storage, time and the change feed, never globals. */
export interface ServerContext {
  db: ServerDb;
  clock: Clock;
  feed: ChangeFeed;
  tickets: TicketStore;
  handoffs: HandoffStore;
  /** Alerts the supervisors about handovers nobody of the incoming shift acknowledged in time. */
  handoverAlerting: DeadlineLoop;
  /** The rota: who is on shift and on call at an instant. */
  shifts: ShiftDirectory;
  /** Routing: new tickets' queue and agent, waiting tickets, presence (docs/routing.md). */
  router: Router;
  /** Escalations and their ladders (docs/escalation.md). */
  escalations: EscalationService;
  /** Climbs the ladders from their stored timeouts; tests drive it with runDue. */
  escalationLadders: DeadlineLoop;
  sla: SlaService;
  slaScheduler: SlaScheduler;
  notifier: CustomerNotifier;
  links: CustomerLinks;
  /** Channels add theirs (the chat widget) at start; the outbound queue reads this map on every run. */
  deliverers: Deliverers;
  epoch: string;
}
