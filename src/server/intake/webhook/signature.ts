import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_TOLERANCE_SECONDS } from '../../../shared/intake/webhook.js';
import { HttpError } from '../../http/errors.js';

export function signWebhook(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/**
 * The post must be signed with the integration's secret over its timestamp and exact bytes, and be
 * recent: a bearer token alone could be replayed or forged by anyone who saw one request.
 */
export function verifyWebhookSignature(secret: string | null, headers: Record<string, string | string[] | undefined>, rawBody: Buffer, nowMs: number): void {
  if (!secret) throw new HttpError(401, 'unauthorized', 'This integration has no signing secret; create one with "signed": true for webhooks');
  const signature = headers[WEBHOOK_SIGNATURE_HEADER];
  const timestampText = headers[WEBHOOK_TIMESTAMP_HEADER];
  if (typeof signature !== 'string' || typeof timestampText !== 'string') {
    throw new HttpError(401, 'unauthorized', `Signed webhooks need ${WEBHOOK_TIMESTAMP_HEADER} (unix seconds) and ${WEBHOOK_SIGNATURE_HEADER} (sha256=<hex HMAC of "timestamp.body">)`);
  }
  const timestamp = Number(timestampText);
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new HttpError(401, 'unauthorized', `${WEBHOOK_TIMESTAMP_HEADER} is more than ${WEBHOOK_TOLERANCE_SECONDS} s away from the server's time`);
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, 'unauthorized', `${WEBHOOK_SIGNATURE_HEADER} does not match the body`);
}
