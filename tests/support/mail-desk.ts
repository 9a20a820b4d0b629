import { onTestFinished } from 'vitest';
import { smtpDeliverer } from '../../src/server/outbound/smtp-deliverer.js';
import { loginAs, startTestServer, type RunningTestServer } from '../../src/server/testing/test-server.js';
import { realClock } from './desk-harness.js';
import { startSmtpSink, type RunningSmtpSink } from './smtp-sink.js';

/** The desk's own address in the mail tests. */
export const DESK = 'support@desk.example.test';

/**
 * The desk as main.ts runs it with SHIFTDESK_SMTP_PORT, SHIFTDESK_SMTP_URL and SHIFTDESK_MAIL_FROM set,
 * its relay a real aiosmtpd; both stop when the test finishes.
 */
export async function mailDesk(): Promise<{ server: RunningTestServer; sink: RunningSmtpSink; admin: string }> {
  const sink = await startSmtpSink();
  onTestFinished(() => sink.stop());
  const server = await startTestServer({
    clock: realClock,
    seed: true,
    mail: { deliverers: { email: smtpDeliverer(`smtp://${sink.host}:${sink.port}`, { name: 'Shiftdesk', address: DESK }) }, mailDomain: 'desk.example.test' },
    smtp: { recipients: ['desk.example.test'], maxBytes: 100_000 },
  });
  onTestFinished(() => server.stop());
  return { server, sink, admin: await loginAs(server.url, 'admin@demo') };
}
