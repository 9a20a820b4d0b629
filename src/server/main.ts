import { join } from 'node:path';
import { systemClock } from '../shared/clock.js';
import { createServer } from './app.js';
import { configFromEnv } from './config.js';
import { DEMO_PASSWORD, demoUsers } from './demo/people.js';
import { isEmpty, seedDemoData } from './demo/seed.js';
import { DEMO_INTAKE_TOKEN, DEMO_WEBHOOK_SECRET } from './intake/integrations.js';
import { startSmtpReceiver } from './intake/email/smtp-receiver.js';
import { smtpDeliverer } from './outbound/smtp-deliverer.js';
import { openSqliteDatabase } from './storage/database.js';
import { compactChangeLog } from './sync/compaction.js';

const config = configFromEnv(process.env);
const db = openSqliteDatabase(config.dataDir);
const mailRelay = config.smtpRelayUrl && config.mailFrom ? smtpDeliverer(config.smtpRelayUrl, config.mailFrom) : null;
const { app, context } = await createServer({
  db,
  clock: systemClock,
  updatesDir: join(config.dataDir, 'updates'),
  ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  mailPollSeconds: config.mailPollSeconds,
  handoffAcknowledgeMinutes: config.handoffAcknowledgeMinutes,
  ...(config.mailFrom ? { mailDomain: config.mailFrom.address.split('@')[1]! } : {}),
  deliverers: mailRelay ? { email: mailRelay } : {},
});

if (config.seedDemo && (await isEmpty(context))) {
  await seedDemoData(context);
  console.log(`shiftdesk: seeded demo data into ${config.dataDir}`);
}
// Demo passwords are printed only while the demo accounts exist: a real deployment never shows them.
const isDemo = (await db.selectFrom('users').select('id').where('email', '=', 'agent@demo').executeTakeFirst()) !== undefined;

const smtpReceiver = config.smtpReceiver ? await startSmtpReceiver(context, config.smtpReceiver) : null;
// Before the database closes, and a hook cannot be added once the app listens.
if (smtpReceiver) app.addHook('preClose', () => smtpReceiver.close());
const address = await app.listen({ port: config.port, host: config.host });
if (config.publicUrl === null) context.links.serveAt(address);
console.log(`shiftdesk: server listening on ${address} (data: ${config.dataDir})`);
const { publicUrl } = context.links;
console.log(`shiftdesk: customers write at ${publicUrl}/portal (web portal) and ${publicUrl}/chat/demo (chat widget demo)`);
if (smtpReceiver && config.smtpReceiver) {
  console.log(`shiftdesk: SMTP receiver listening on ${config.smtpReceiver.host}:${smtpReceiver.port}, for ${config.smtpReceiver.recipients?.join(', ') ?? 'any recipient'}`);
}
if (!mailRelay) console.log('shiftdesk: no mail relay (SHIFTDESK_SMTP_URL): mail to customers waits in the outbound queue until one is set');
if (isDemo) {
  console.log(`shiftdesk: DEMO MODE — sign in as ${demoUsers.map((u) => u.email).join(', ')} with password "${DEMO_PASSWORD}"`);
  console.log(`shiftdesk: DEMO MODE — monitoring and webhooks post with "Authorization: Bearer ${DEMO_INTAKE_TOKEN}"; webhooks sign with the secret "${DEMO_WEBHOOK_SECRET}"`);
}

// Compaction keeps the log a snapshot of the present plus recent history; it is cheap, so it runs
// at start and every few hours rather than needing a separate job.
const compact = () =>
  compactChangeLog(db, systemClock, config.logRetentionDays)
    .then((result) => console.log(`shiftdesk: change log compacted (${result.superseded} superseded, ${result.tombstones} expired deletions dropped)`))
    .catch((error: unknown) => console.error('shiftdesk: change-log compaction failed', error));
await compact();
const compaction = setInterval(() => void compact(), 6 * 3_600_000);
compaction.unref();

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`shiftdesk: ${signal} received, closing the server`);
  // A client that never lets go of its connection must not keep a stopping server alive: whatever is
  // committed is already durable, so after a grace period exiting loses nothing.
  setTimeout(() => {
    console.error('shiftdesk: connections did not close in 5 s, exiting anyway');
    process.exit(1);
  }, 5_000).unref();
  await app.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
