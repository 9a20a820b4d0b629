import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import {
  OnCallQuerySchema,
  OnCallRotationListSchema,
  RotaChangesQuerySchema,
  type RotaChangesQuery,
  RotaEntryParamsSchema,
  RotaRefParamsSchema,
  ShiftOverrideListSchema,
  ShiftRotationListSchema,
  ShiftSwapListSchema,
} from '../../shared/api/rota.js';
import { isoNow } from '../../shared/clock.js';
import {
  CreateShiftOverrideBodySchema,
  CreateShiftSwapBodySchema,
  NewOnCallRotationBodySchema,
  NewShiftRotationBodySchema,
  OnCallBoardSchema,
  OnCallRotationBodySchema,
  OnCallRotationSchema,
  ShiftOverrideSchema,
  ShiftRotationBodySchema,
  ShiftRotationSchema,
  ShiftSwapSchema,
} from '../../shared/domain/shifts.js';
import { requireAdmin, requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import type { User } from '../../shared/domain/people.js';
import type { RotaFacts } from '../../shared/shifts/schedule.js';
import { RotaRefusal, RotaStore } from './rota-store.js';

const security = [{ bearer: [] }];
const readErrors = { 400: ErrorReplySchema, 401: ErrorReplySchema };
const writeErrors = { ...readErrors, 403: ErrorReplySchema, 404: ErrorReplySchema, 409: ErrorReplySchema };
const what = 'change the rota';

/** The store's refusals as HTTP answers; a refused field is named as the body's. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RotaRefusal)) throw error;
    if (error.code === 'not_found') throw new HttpError(404, 'not_found', error.message);
    if (error.code === 'conflict') throw new HttpError(409, 'conflict', `body.${error.message}`);
    throw new HttpError(400, 'invalid_request', `body.${error.message}`);
  }
}

type Trx = Parameters<Parameters<RotaStore['write']>[0]>[0];

/**
 * Shift rotations and on-call rotations have the same four routes; only the shapes, where the stored
 * ones are read from and the store's save differ.
 */
function rotationRoutes<R extends { id: string }>(
  app: FastifyInstance,
  context: ServerContext,
  rota: RotaStore,
  spec: {
    path: string;
    kind: 'shift' | 'onCall';
    noun: string;
    schema: z.ZodType<R>;
    list: z.ZodType<{ items: R[] }>;
    newBody: z.ZodType<Omit<R, 'id'> & { id?: string | undefined }>;
    body: z.ZodType<Omit<R, 'id'>>;
    stored: (facts: RotaFacts) => readonly R[];
    save: (trx: Trx, actor: { id: string }, rotation: R, mode: 'create' | 'replace') => Promise<R>;
  },
): void {
  const { db, clock, shifts } = context;
  // The generic shapes defeat the zod type provider's inference; the schemas still validate every
  // request and reply, so the handlers read the parsed body by its declared type.
  app.get(
    spec.path,
    { schema: { tags: ['shifts'], summary: `Every ${spec.noun}`, security, response: { 200: spec.list, ...readErrors } } },
    async (request) => {
      await requireUser(db, clock, request);
      return { items: [...spec.stored(await shifts.facts(db, new Date(clock.now())))] };
    },
  );
  app.post(
    spec.path,
    { schema: { tags: ['shifts'], summary: `Create a ${spec.noun} (admins); without an id one is minted`, security, body: spec.newBody, response: { 201: spec.schema, ...writeErrors } } },
    async (request, reply) => {
      const user = await requireAdmin(db, clock, request, what);
      const body = request.body as Omit<R, 'id'> & { id?: string };
      const rotation = { ...body, id: body.id ?? randomUUID() } as unknown as R;
      return reply.status(201).send(await answering(() => rota.write((trx) => spec.save(trx, user, rotation, 'create'))));
    },
  );
  app.put(
    `${spec.path}/:id`,
    { schema: { tags: ['shifts'], summary: `Replace a ${spec.noun} whole (admins)`, security, params: RotaRefParamsSchema, body: spec.body, response: { 200: spec.schema, ...writeErrors } } },
    async (request) => {
      const user = await requireAdmin(db, clock, request, what);
      const rotation = { ...(request.body as Omit<R, 'id'>), id: (request.params as { id: string }).id } as unknown as R;
      return answering(() => rota.write((trx) => spec.save(trx, user, rotation, 'replace')));
    },
  );
  app.delete(
    `${spec.path}/:id`,
    { schema: { tags: ['shifts'], summary: `Remove a ${spec.noun} with its overrides and swaps (admins)`, security, params: RotaRefParamsSchema, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await requireAdmin(db, clock, request, what);
      await answering(() => rota.write((trx) => rota.deleteRotation(trx, spec.kind, (request.params as { id: string }).id)));
      return reply.status(204).send(null);
    },
  );
}

/** Overrides and swaps have the same three routes: list those in force, add one, remove one. */
function entryRoutes<E, B>(
  app: FastifyInstance,
  { db, clock }: ServerContext,
  spec: {
    path: string;
    summaries: { list: string; add: string; remove: string };
    schema: z.ZodType<E>;
    list: z.ZodType<{ items: E[] }>;
    body: z.ZodType<B>;
    read(query: { rotationId?: string; from: string }): Promise<E[]>;
    add(user: User, body: B): Promise<E>;
    remove(id: string): Promise<void>;
  },
): void {
  app.get(
    spec.path,
    { schema: { tags: ['shifts'], summary: spec.summaries.list, security, querystring: RotaChangesQuerySchema, response: { 200: spec.list, ...readErrors } } },
    async (request) => {
      await requireUser(db, clock, request);
      const query = request.query as RotaChangesQuery;
      return { items: await spec.read({ ...query, from: query.from ?? isoNow(clock) }) };
    },
  );
  app.post(spec.path, { schema: { tags: ['shifts'], summary: spec.summaries.add, security, body: spec.body, response: { 201: spec.schema, ...writeErrors } } }, async (request, reply) => {
    const user = await requireAdmin(db, clock, request, what);
    return reply.status(201).send(await answering(() => spec.add(user, request.body as B)));
  });
  app.delete(
    `${spec.path}/:id`,
    { schema: { tags: ['shifts'], summary: spec.summaries.remove, security, params: RotaEntryParamsSchema, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await requireAdmin(db, clock, request, what);
      await answering(() => spec.remove((request.params as { id: string }).id));
      return reply.status(204).send(null);
    },
  );
}

/** The rota over REST: everyone signed in reads it, admins change it. */
export function shiftRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed, shifts } = context;
  const rota = new RotaStore(db, clock, feed, shifts);
  return async (app) => {
    rotationRoutes(app, context, rota, {
      path: '/api/v1/shift-rotations',
      kind: 'shift',
      noun: 'shift rotation',
      schema: ShiftRotationSchema,
      list: ShiftRotationListSchema,
      newBody: NewShiftRotationBodySchema,
      body: ShiftRotationBodySchema,
      stored: (facts) => facts.rotations,
      save: (trx, actor, rotation, mode) => rota.saveShiftRotation(trx, actor, rotation, mode),
    });
    rotationRoutes(app, context, rota, {
      path: '/api/v1/on-call-rotations',
      kind: 'onCall',
      noun: 'on-call rotation',
      schema: OnCallRotationSchema,
      list: OnCallRotationListSchema,
      newBody: NewOnCallRotationBodySchema,
      body: OnCallRotationBodySchema,
      stored: (facts) => facts.onCallRotations,
      save: (trx, actor, rotation, mode) => rota.saveOnCallRotation(trx, actor, rotation, mode),
    });

    entryRoutes(app, context, {
      path: '/api/v1/shift-overrides',
      summaries: {
        list: 'Overrides in force at or after `from` (default now), optionally of one rotation',
        add: 'One person stands in for another between two instants (admins)',
        remove: 'Withdraw an override (admins)',
      },
      schema: ShiftOverrideSchema,
      list: ShiftOverrideListSchema,
      body: CreateShiftOverrideBodySchema,
      read: (query) => rota.overrides(db, query),
      add: (user, body) => rota.write((trx) => rota.addOverride(trx, user, body)),
      remove: (id) => rota.write((trx) => rota.deleteOverride(trx, id)),
    });
    entryRoutes(app, context, {
      path: '/api/v1/shift-swaps',
      summaries: {
        list: 'Swaps with a window ending at or after `from` (default now), optionally of one rotation',
        add: 'Two people trade shifts: each works the window the other gives away (admins)',
        remove: 'Call a swap off (admins)',
      },
      schema: ShiftSwapSchema,
      list: ShiftSwapListSchema,
      body: CreateShiftSwapBodySchema,
      read: (query) => rota.swaps(db, query),
      add: (user, body) => rota.write((trx) => rota.addSwap(trx, user, body)),
      remove: (id) => rota.write((trx) => rota.deleteSwap(trx, id)),
    });

    app.get(
      '/api/v1/on-call',
      { schema: { tags: ['shifts'], summary: 'Who is on shift and on call for each tier at `at` (default now), and when that next changes', security, querystring: OnCallQuerySchema, response: { 200: OnCallBoardSchema, ...readErrors } } },
      async (request) => {
        await requireUser(db, clock, request);
        return shifts.board(db, new Date(request.query.at ?? clock.now()));
      },
    );
  };
}
