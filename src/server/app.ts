import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthReplySchema } from '../shared/api/rest.js';
import type { Clock } from '../shared/clock.js';
import { authRoutes } from './auth/routes.js';
import type { ServerContext } from './context.js';
import { installErrorHandler } from './http/errors.js';
import { openApiRoute, registerOpenApi } from './http/openapi.js';
import type { ServerDb } from './storage/database.js';
import { migrateToLatest } from './storage/database.js';
import { ChangeFeed } from './sync/change-feed.js';
import { attachSyncSocket } from './sync/socket.js';
import { TicketStore } from './tickets/ticket-store.js';
import { ticketRoutes } from './tickets/routes.js';
import { HandoffStore } from './handoffs/handoff-store.js';
import { handoverAlerts } from './handoffs/handover-alerts.js';
import { handoffRoutes } from './handoffs/routes.js';
import { macroRoutes } from './macros/routes.js';
import { knowledgeRoutes } from './knowledge/routes.js';
import { intakeRoutes } from './intake/routes.js';
import { integrationRoutes } from './intake/integration-routes.js';
import { callRoutes } from './calls/routes.js';
import { updateFeedRoutes } from './updates/routes.js';
import { SlaService } from './sla/sla-service.js';
import { SlaScheduler } from './sla/sla-scheduler.js';
import { DeadlineLoop, type Timers } from './scheduling/deadline-loop.js';
import { CustomerLinks } from './notifications/customer-links.js';
import { CustomerNotifier } from './notifications/customer-notifier.js';
import { outboundDeliveries, type Deliverers } from './outbound/outbound-queue.js';
import { outboundRoutes } from './outbound/routes.js';
import { templateRoutes } from './notifications/routes.js';
import { csatSettingsRoutes } from './portal/csat-settings-routes.js';
import { quarantineRoutes } from './quarantine/routes.js';
import { messageRoutes } from './tickets/message-routes.js';
import { slaRoutes } from './sla/routes.js';
import { MailboxPoller } from './intake/email/mailbox-poller.js';
import { mailboxRoutes } from './intake/email/mailbox-routes.js';
import { portalRoutes } from './portal/routes.js';
import { chatRoutes } from './chat/routes.js';
import { attachChatNamespace } from './chat/chat-socket.js';
import { chatDeliverer } from './chat/chat-deliverer.js';
import { ShiftDirectory } from './shifts/shift-directory.js';
import { shiftRoutes } from './shifts/routes.js';
import { DEFAULT_PRESENCE_GRACE_MS, Router } from './routing/router.js';
import { routingRoutes } from './routing/routes.js';
import { watchConsoles } from './routing/console-presence.js';
import { attachTicketPresence } from './presence/ticket-presence.js';
import { EscalationService } from './escalations/escalation-service.js';
import { EscalationTriggerObserver } from './escalations/escalation-triggers.js';
import { escalationDeadlines } from './escalations/escalation-deadlines.js';
import { escalationRoutes } from './escalations/routes.js';
import { remoteRoutes } from './remote/routes.js';
import { analyticsRoutes } from './analytics/routes.js';
import { attachWallboard } from './wallboard/wallboard-push.js';

export const SERVER_VERSION = '0.1.0';

export interface ServerDeps {
  db: ServerDb;
  clock: Clock;
  /** Where console releases are published for electron-updater; no feed without it. */
  updatesDir?: string;
  logger?: boolean;
  /** Timers for the SLA scheduler; tests hand in their own to drive time. */
  timers?: Timers;
  /** Where customers reach the portal and surveys; links in mails point here. */
  publicUrl?: string;
  /** The domain of the desk's own Message-IDs (the From address's). */
  mailDomain?: string;
  /** How notices leave, per channel; without an email deliverer mail waits in the outbound queue. */
  deliverers?: Deliverers;
  /** How often each IMAP mailbox is read. */
  mailPollSeconds?: number;
  /** How long into the incoming shift a handover waits for its first acknowledgement before the supervisors are alerted. */
  handoffAcknowledgeMinutes?: number;
  /** How long an agent's consoles may all be gone before routing counts them offline. */
  presenceGraceMs?: number;
}

export interface ShiftdeskServer {
  app: FastifyInstance;
  context: ServerContext;
}

/** The server's epoch changes only with a new database, telling replicas their cursors mean nothing here. */
async function loadEpoch(db: ServerDb): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'epoch').executeTakeFirst();
  if (row) return row.value;
  const epoch = randomUUID();
  await db.insertInto('meta').values({ key: 'epoch', value: epoch }).execute();
  return epoch;
}

export async function createServer({ db, clock, updatesDir, logger = false, timers, publicUrl = 'http://127.0.0.1:4780', mailDomain = 'shiftdesk.local', deliverers = {}, mailPollSeconds = 60, handoffAcknowledgeMinutes = 30, presenceGraceMs = DEFAULT_PRESENCE_GRACE_MS }: ServerDeps): Promise<ShiftdeskServer> {
  await migrateToLatest(db);
  const feed = new ChangeFeed();
  const sla = new SlaService(db, clock);
  await sla.ensurePolicy();
  const tickets = new TicketStore(db, clock, feed, sla);
  const slaScheduler = new SlaScheduler(db, clock, tickets, feed, timers);
  const shifts = new ShiftDirectory();
  const handoffs = new HandoffStore(db, clock, feed, shifts, { acknowledgeMinutes: handoffAcknowledgeMinutes });
  const handoverAlerting = new DeadlineLoop(handoverAlerts(db, clock, handoffs, feed, mailDomain), clock, feed, timers);
  const links = await CustomerLinks.load(db, publicUrl);
  const notifier = new CustomerNotifier(sla, clock, links, mailDomain, shifts);
  tickets.observe(notifier);
  const router = new Router(db, clock, feed, tickets, shifts, presenceGraceMs);
  tickets.routeWith(router);
  tickets.observe(router);
  const routing = new DeadlineLoop(router.deadlines(), clock, feed, timers);
  const escalations = new EscalationService({ clock, tickets, router, shifts, mailDomain });
  tickets.observe(new EscalationTriggerObserver(escalations));
  const escalationLadders = new DeadlineLoop(escalationDeadlines(db, clock, feed, escalations), clock, feed, timers);
  const outbound = new DeadlineLoop(outboundDeliveries(db, clock, deliverers), clock, feed, timers);
  const context: ServerContext = { db, clock, feed, tickets, handoffs, handoverAlerting, shifts, router, escalations, escalationLadders, sla, slaScheduler, notifier, links, deliverers, epoch: await loadEpoch(db) };
  const mailboxes = new MailboxPoller(context, mailPollSeconds * 1000);
  const mailPolling = new DeadlineLoop(mailboxes.deadlines(), clock, feed, timers);

  const app = Fastify({ logger }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await registerOpenApi(app, SERVER_VERSION);

  app.get(
    '/healthz',
    { schema: { tags: ['operations'], response: { 200: HealthReplySchema } } },
    async () => ({ status: 'ok' as const, version: SERVER_VERSION, epoch: context.epoch }),
  );
  await app.register(authRoutes(context));
  await app.register(ticketRoutes(context));
  await app.register(handoffRoutes(context));
  await app.register(macroRoutes(context));
  await app.register(knowledgeRoutes(context));
  await app.register(shiftRoutes(context));
  await app.register(intakeRoutes(context));
  await app.register(callRoutes(context));
  await app.register(slaRoutes(context));
  await app.register(routingRoutes(context));
  await app.register(escalationRoutes(context));
  await app.register(remoteRoutes(context));
  await app.register(analyticsRoutes(context));
  await app.register(chatRoutes(context));
  await app.register(messageRoutes(context));
  await app.register(templateRoutes(context));
  await app.register(csatSettingsRoutes(context));
  await app.register(quarantineRoutes(context));
  await app.register(outboundRoutes(context));
  await app.register(mailboxRoutes(context, mailboxes));
  await app.register(integrationRoutes(context));
  await app.register(portalRoutes(context));
  if (updatesDir) await app.register(updateFeedRoutes(updatesDir));
  openApiRoute(app);

  const sync = await attachSyncSocket(app.server, context);
  // The chat widget's namespace on the same socket.io server; the desk's chat notices go through it.
  context.deliverers.chat = chatDeliverer(context, attachChatNamespace(sync.io, context));
  watchConsoles(sync.io, router);
  attachTicketPresence(sync.io, context);
  const wallboard = attachWallboard(sync.io, context, timers);
  app.addHook('onReady', async () => {
    await slaScheduler.start();
    await outbound.start();
    await handoverAlerting.start();
    await router.start();
    await routing.start();
    await escalationLadders.start();
    // Not awaited: a mail server that does not answer must not hold up the start.
    void mailPolling.start().catch((error: unknown) => console.error('shiftdesk: polling mailboxes failed', error));
  });
  // Before the HTTP server closes: it waits for open connections, and consoles' WebSockets stay open
  // until socket.io lets them go, so closing socket.io in onClose would wait for ever.
  app.addHook('preClose', async () => {
    slaScheduler.stop();
    outbound.stop();
    handoverAlerting.stop();
    routing.stop();
    escalationLadders.stop();
    mailPolling.stop();
    wallboard.stop();
    await mailboxes.stop();
    await sync.close();
  });
  return { app, context };
}
