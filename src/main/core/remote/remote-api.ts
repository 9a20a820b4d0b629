import type { DeskApi } from '../../../shared/desk-api/contract.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import type { remoteMethods, TicketAsset } from '../../../shared/desk-api/remote-methods.js';
import type { User } from '../../../shared/domain/people.js';
import { belongsToRequester, type Asset } from '../../../shared/remote/asset.js';
import { buildRemoteLink } from '../../../shared/remote/link.js';
import { ReplaceRemoteSettingsBodySchema } from '../../../shared/remote/rest.js';
import { StoredRemoteSettingsSchema, type RemoteSettings } from '../../../shared/remote/settings.js';
import type { Mutation } from '../../../shared/sync/mutations.js';
import type { ServerSession } from '../channels/channel-api.js';
import type { AppliedChanges, Replica } from '../replica/replica.js';
import { requestJson } from '../sync/server-api.js';

type RemoteMethod = keyof typeof remoteMethods;

export interface RemoteApiDeps {
  /** Read when called: the core opens its replica after building its api. */
  replica(): Replica;
  /** The signed-in user; throws when nobody is. */
  user(): User;
  now(): string;
  record(user: User, mutation: Omit<Mutation, 'id'>): { shown: AppliedChanges };
  send(): void;
  /** The ticket's thread changed on screen (the session's note). */
  ticketChanged(ticketId: string): void;
  session(): ServerSession;
  /** The desktop shell's way to hand a link to the system (Electron: shell.openExternal); none in a browser host. */
  opener(): ((url: string) => Promise<void>) | undefined;
}

function linksOf(asset: Asset, settings: RemoteSettings): TicketAsset {
  return { ...asset, links: asset.access.map((access) => buildRemoteLink(asset, access, settings)) };
}

/**
 * Remote assistance in the core. Links are built and checked here from the replica's settings,
 * never taken from the renderer: whatever a page asks to open, only a link this core built from an
 * asset and the admins' pattern, and found on the allowlist, is opened, and only after its note is
 * safely in the outbox.
 */
export function remoteApi(deps: RemoteApiDeps): Pick<DeskApi, RemoteMethod> {
  const ticketOf = (ticketId: string) => {
    const ticket = deps.replica().getTicket(ticketId)?.ticket;
    if (!ticket) throw new DeskError('not_found', `ticketId: no ticket ${ticketId} in your queues`);
    return ticket;
  };
  const json = (init: { method?: 'PUT'; body?: unknown } = {}) => requestJson({ ...deps.session(), path: '/api/v1/remote/settings', ...init, reply: StoredRemoteSettingsSchema });

  return {
    'remote.assets': async ({ ticketId }) => {
      deps.user();
      const ticket = ticketOf(ticketId);
      const { remote } = deps.replica();
      const settings = remote.settings().document;
      return remote.assetsOf(ticket.requesterEmail).map((asset) => linksOf(asset, settings));
    },
    'remote.open': async ({ ticketId, assetId, access }) => {
      const user = deps.user();
      const ticket = ticketOf(ticketId);
      const { remote } = deps.replica();
      const asset = remote.asset(assetId);
      if (!asset || !belongsToRequester(asset, ticket.requesterEmail)) throw new DeskError('not_found', `assetId: no asset ${assetId} of #${ticket.number}'s requester`);
      const way = asset.access[access];
      if (!way) throw new DeskError('invalid_input', `access: ${asset.name} has no way in number ${access}`);
      const link = buildRemoteLink(asset, way, remote.settings().document);
      if (!link.ok) return { status: 'blocked', problem: link.problem, detail: link.detail };
      const startedAt = deps.now();
      deps.record(user, { name: 'ticket.remoteSession', args: { ticketId, assetId, toolId: way.toolId, startedAt }, createdAt: startedAt });
      deps.ticketChanged(ticketId);
      deps.send();
      const openExternal = deps.opener();
      if (!openExternal) return { status: 'openHere', url: link.url };
      await openExternal(link.url);
      return { status: 'opened', url: link.url };
    },
    'admin.remote.settings': () => json(),
    'admin.remote.saveSettings': ({ baseVersion, settings }) => json({ method: 'PUT', body: ReplaceRemoteSettingsBodySchema.parse({ baseVersion, settings }) }),
  };
}
