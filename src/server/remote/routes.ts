import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoNow } from '../../shared/clock.js';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { AssetInputSchema, AssetSchema } from '../../shared/remote/asset.js';
import { AssetListQuerySchema, AssetListSchema, AssetParamsSchema, ReplaceRemoteSettingsBodySchema } from '../../shared/remote/rest.js';
import { StoredRemoteSettingsSchema } from '../../shared/remote/settings.js';
import { requireAdmin } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { deleteAsset, findAsset, listAssets, saveAsset, unknownTools } from './asset-store.js';
import { currentRemoteSettings, RemoteSettingsConflict, storeRemoteSettings } from './settings-store.js';
import { announcedWrites } from '../sync/change-feed.js';

const security = [{ bearer: [] }];
const tags = ['remote'];
const refusals = { 401: ErrorReplySchema, 403: ErrorReplySchema };

/**
 * Remote assistance for admins and integrations (a CMDB or RMM with an admin's token): requesters'
 * assets, and the remote tools and allowlist. Agents never call these: their consoles get both
 * through sync, so a ticket's assets are there offline.
 */
export function remoteRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed } = context;
  const write = announcedWrites(db, feed);
  const checkTools = async (input: z.output<typeof AssetInputSchema>) => {
    const missing = await unknownTools(db, input);
    if (missing.length > 0) throw new HttpError(400, 'invalid_request', `body.${missing.join('; body.')}`);
  };
  const existing = async (id: string) => {
    const asset = await findAsset(db, id);
    if (!asset) throw new HttpError(404, 'not_found', `No asset ${id}`);
    return asset;
  };

  return async (app) => {
    app.get(
      '/api/v1/remote/assets',
      {
        schema: {
          tags,
          summary: 'A requester’s assets (their own and their organisation’s, by e-mail domain), or an organisation’s (?domain=)',
          security,
          querystring: AssetListQuerySchema,
          response: { 200: AssetListSchema, 400: ErrorReplySchema, ...refusals },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, 'read assets');
        const { requester, domain } = request.query;
        return { items: await listAssets(db, requester !== undefined ? { requester } : { domain: domain! }) };
      },
    );

    app.post(
      '/api/v1/remote/assets',
      {
        schema: {
          tags,
          summary: 'Add an asset: a requester’s or an organisation’s device or service, with its ways in (remote tools named in the settings)',
          security,
          body: AssetInputSchema,
          response: { 201: AssetSchema, 400: ErrorReplySchema, ...refusals },
        },
      },
      async (request, reply) => {
        await requireAdmin(db, clock, request, 'add assets');
        await checkTools(request.body);
        return reply.status(201).send(await write((trx) => saveAsset(trx, request.body, isoNow(clock))));
      },
    );

    app.get(
      '/api/v1/remote/assets/:id',
      { schema: { tags, summary: 'One asset', security, params: AssetParamsSchema, response: { 200: AssetSchema, 404: ErrorReplySchema, ...refusals } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read assets');
        return existing(request.params.id);
      },
    );

    app.put(
      '/api/v1/remote/assets/:id',
      {
        schema: { tags, summary: 'Replace an asset', security, params: AssetParamsSchema, body: AssetInputSchema, response: { 200: AssetSchema, 400: ErrorReplySchema, 404: ErrorReplySchema, ...refusals } },
      },
      async (request) => {
        await requireAdmin(db, clock, request, 'change assets');
        await existing(request.params.id);
        await checkTools(request.body);
        return write((trx) => saveAsset(trx, request.body, isoNow(clock), request.params.id));
      },
    );

    app.delete(
      '/api/v1/remote/assets/:id',
      { schema: { tags, summary: 'Remove an asset; consoles stop listing it', security, params: AssetParamsSchema, response: { 204: z.null(), 404: ErrorReplySchema, ...refusals } } },
      async (request, reply) => {
        await requireAdmin(db, clock, request, 'remove assets');
        if (!(await write((trx) => deleteAsset(trx, request.params.id, isoNow(clock))))) throw new HttpError(404, 'not_found', `No asset ${request.params.id}`);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/remote/settings',
      { schema: { tags, summary: 'The remote tools (URL patterns) and the allowlist of schemes and hosts in force', security, response: { 200: StoredRemoteSettingsSchema, ...refusals } } },
      async (request) => {
        await requireAdmin(db, clock, request, 'read the remote-access settings');
        return currentRemoteSettings(db);
      },
    );

    app.put(
      '/api/v1/remote/settings',
      {
        schema: {
          tags,
          summary: 'Replace the remote tools and the allowlist (a new version, sent to every console)',
          description: 'With `baseVersion`, a save based on settings someone has replaced since is refused with 409.',
          security,
          body: ReplaceRemoteSettingsBodySchema,
          response: { 200: StoredRemoteSettingsSchema, 400: ErrorReplySchema, 409: ErrorReplySchema, ...refusals },
        },
      },
      async (request) => {
        const user = await requireAdmin(db, clock, request, 'change the remote-access settings');
        const { settings, baseVersion } = request.body;
        try {
          return await write((trx) => storeRemoteSettings(trx, settings, { userId: user.id, at: isoNow(clock), ...(baseVersion !== undefined ? { baseVersion } : {}) }));
        } catch (error) {
          if (error instanceof RemoteSettingsConflict) throw new HttpError(409, 'conflict', error.message);
          throw error;
        }
      },
    );
  };
}
