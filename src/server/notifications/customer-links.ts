import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerDb } from '../storage/database.js';

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Links customers receive: the portal, and a ticket's survey. A survey link carries an HMAC of the
 * ticket id under a secret kept in the database, so it needs no stored token and cannot be guessed
 * for another ticket.
 */
export class CustomerLinks {
  private base: string;

  constructor(
    publicUrl: string,
    private readonly secret: Buffer,
  ) {
    this.base = withoutTrailingSlash(publicUrl);
  }

  get publicUrl(): string {
    return this.base;
  }

  /** With no public address configured, links name the one the server listens on, known only once it does. */
  serveAt(url: string): void {
    this.base = withoutTrailingSlash(url);
  }

  static async load(db: ServerDb, publicUrl: string): Promise<CustomerLinks> {
    const row = await db.selectFrom('meta').select('value').where('key', '=', 'link-secret').executeTakeFirst();
    let secret = row?.value;
    if (!secret) {
      secret = randomBytes(32).toString('base64url');
      await db.insertInto('meta').values({ key: 'link-secret', value: secret }).onConflict((oc) => oc.column('key').doNothing()).execute();
      secret = (await db.selectFrom('meta').select('value').where('key', '=', 'link-secret').executeTakeFirstOrThrow()).value;
    }
    return new CustomerLinks(publicUrl, Buffer.from(secret, 'base64url'));
  }

  portalUrl(): string {
    return `${this.publicUrl}/portal`;
  }

  surveyToken(ticketId: string): string {
    return createHmac('sha256', this.secret).update(`survey:${ticketId}`).digest('base64url');
  }

  verifySurveyToken(ticketId: string, token: string): boolean {
    const expected = Buffer.from(this.surveyToken(ticketId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  surveyUrl(ticketId: string): string {
    return `${this.publicUrl}/portal/survey/${ticketId}?token=${this.surveyToken(ticketId)}`;
  }
}
