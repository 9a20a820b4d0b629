import type { Mutation } from '../../shared/sync/mutations.js';
import type { TicketDrafts } from './replica/ticket-drafts.js';

const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Sends the files of the replies and notes about to be pushed, each under the id the console gave it,
 * before the mutations that list them: the server refuses a reply whose files it does not have. A file
 * leaves the replica once the server holds it (or has already attached it: 409 after a lost answer).
 */
export async function uploadReplyFiles(mutations: readonly Mutation[], session: { serverUrl: string; token: string }, drafts: TicketDrafts, fetchImpl: typeof fetch = fetch): Promise<void> {
  for (const mutation of mutations) {
    if (mutation.name !== 'ticket.reply' && mutation.name !== 'ticket.note') continue;
    for (const file of mutation.args.attachments ?? []) {
      const bytes = drafts.fileBytes(file.id);
      if (bytes === null) continue;
      const response = await fetchImpl(new URL(`/api/v1/uploads/${file.id}`, session.serverUrl), {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${session.token}`,
          'content-type': 'application/octet-stream',
          'x-filename': encodeURIComponent(file.filename),
          'x-content-type': file.contentType,
        },
        body: new Uint8Array(bytes),
        signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      });
      // Unreachable, signed out or failing: try again next round. Refused (4xx): sending it again would
      // never help and would hold up the outbox, so the reply goes without it and comes back refused,
      // its text kept for the agent.
      if (response.status >= 500 || response.status === 401) throw new Error(`uploading ${file.filename} failed: the server answered ${response.status}`);
      drafts.dropFile(file.id);
    }
  }
}
