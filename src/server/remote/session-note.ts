import type { Transaction } from 'kysely';
import type { User } from '../../shared/domain/people.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import { belongsToRequester } from '../../shared/remote/asset.js';
import { remoteSessionNote, type RemoteSessionArgs } from '../../shared/remote/note.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import type { Database } from '../storage/schema.js';
import { recordTicketEvent } from '../tickets/ticket-events.js';
import type { TicketChange } from '../tickets/ticket-store.js';
import { findAsset } from './asset-store.js';
import { currentRemoteSettings } from './settings-store.js';

/**
 * The internal note an opened remote session leaves on the ticket, and its `remote_session` event
 * (the facts: asset, tool, start, and the settings version in force). It is a fact, never stale or
 * in conflict: a session opened offline is noted when the console reaches the server, stamped with
 * the instant it started. Only an asset that is not the requester's (or no longer exists) is refused.
 */
export async function remoteSessionChange(
  trx: Transaction<Database>,
  ticket: Ticket,
  user: User,
  args: RemoteSessionArgs,
  base: Pick<TicketChange, 'actor' | 'origin'> & { at: string },
): Promise<TicketChange | Rejection> {
  const asset = await findAsset(trx, args.assetId);
  if (!asset || !belongsToRequester(asset, ticket.requesterEmail)) {
    return { code: 'not_found', field: 'assetId', message: `No asset ${args.assetId} of ${ticket.requesterEmail} on #${ticket.number}` };
  }
  const { version, document } = await currentRemoteSettings(trx);
  // A tool removed since the session started is still named by its id.
  const toolName = document.tools.find((tool) => tool.id === args.toolId)?.name ?? args.toolId;
  const facts = { assetName: asset.name, toolName, agentName: user.name, startedAt: args.startedAt };
  await recordTicketEvent(trx, ticket.id, 'remote_session', base.at, user.id, { ...facts, assetId: asset.id, toolId: args.toolId, settingsVersion: version });
  const { actor, origin } = base;
  return { actor, ...(origin ? { origin } : {}), message: { body: remoteSessionNote(facts), isPublic: false, authorKind: 'system', authorName: user.name, writtenAt: args.startedAt } };
}
