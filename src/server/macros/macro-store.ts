import type { Selectable, Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import { matchesMacro, mayChangeMacro, MacroActionsSchema, MacroSchema, maySaveSharedMacros, type Macro, type MacroContent } from '../../shared/domain/knowledge.js';
import type { User } from '../../shared/domain/people.js';
import type { Rejection } from '../../shared/sync/mutations.js';
import { userScope } from '../people/visibility.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { appendChange } from '../sync/change-log.js';

type Trx = Transaction<Database>;
type Reader = ServerDb | Trx;
type Origin = { clientId: string; mutationId: number };

/** Why a macro change was refused: the same words for a console's mutation and a REST call. */
export class MacroRefusal extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

export function macroFromRow(row: Selectable<Database['macros']>): Macro {
  return MacroSchema.parse({
    id: row.id,
    title: row.title,
    body: row.body,
    locale: row.locale,
    ownerId: row.owner_id,
    actions: MacroActionsSchema.parse(JSON.parse(row.actions_json)),
    updatedAt: row.updated_at,
  });
}

/** Personal macros replicate to their owner alone; shared ones to every console. */
export function macroScope(macro: Pick<Macro, 'ownerId'>): string {
  return macro.ownerId === null ? 'shared' : userScope(macro.ownerId);
}

/** The macros a user may use: the shared ones and their own, by title. */
export async function listMacros(reader: Reader, user: Pick<User, 'id'>, filter: { q?: string; scope?: 'shared' | 'personal' } = {}): Promise<Macro[]> {
  let query = reader.selectFrom('macros').selectAll().orderBy('title').orderBy('id');
  if (filter.scope === 'shared') query = query.where('owner_id', 'is', null);
  else if (filter.scope === 'personal') query = query.where('owner_id', '=', user.id);
  else query = query.where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', user.id)]));
  const macros = (await query.execute()).map(macroFromRow);
  // By name and content, as the console searches; a desk has hundreds of macros, not millions.
  return macros.filter((macro) => matchesMacro(macro, filter.q ?? ''));
}

/** A macro the user may see (shared, or their own); another agent's personal macro does not exist for them. */
export async function findMacro(reader: Reader, user: Pick<User, 'id'>, id: string): Promise<Macro | null> {
  const row = await reader.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const macro = macroFromRow(row);
  return macro.ownerId === null || macro.ownerId === user.id ? macro : null;
}

function forbidden(message: string): MacroRefusal {
  return new MacroRefusal({ code: 'forbidden', message });
}

/**
 * Creates the macro or replaces it. Anyone keeps their own personal macros; shared ones belong to
 * supervisors and admins. Turning a personal macro into a shared one (or back) moves it between
 * scopes: the consoles of the old scope are told to drop it.
 */
export async function saveMacro(trx: Trx, clock: Clock, user: User, id: string, content: MacroContent, origin?: Origin): Promise<{ macro: Macro; created: boolean }> {
  const existingRow = await trx.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst();
  const existing = existingRow ? macroFromRow(existingRow) : null;
  if (existing && existing.ownerId !== null && existing.ownerId !== user.id) {
    // Another agent's personal macro is invisible: the id is taken, but saying by whom would leak it.
    throw new MacroRefusal({ code: 'not_found', message: `No macro ${id} of yours` });
  }
  if (existing && !mayChangeMacro(user, existing)) throw forbidden('Only supervisors and admins change shared macros');
  if (content.shared && !maySaveSharedMacros(user)) throw forbidden('Only supervisors and admins create shared macros');
  const assignee = content.actions.assignee;
  if (assignee?.kind === 'user' && !(await trx.selectFrom('users').select('id').where('id', '=', assignee.userId).executeTakeFirst())) {
    throw new MacroRefusal({ code: 'invalid', field: 'actions.assignee.userId', message: `actions.assignee.userId: no agent ${assignee.userId}` });
  }
  const now = isoNow(clock);
  const macro: Macro = { id, title: content.title, body: content.body, locale: content.locale, ownerId: content.shared ? null : user.id, actions: content.actions, updatedAt: now };
  const row = { title: macro.title, body: macro.body, locale: macro.locale, owner_id: macro.ownerId, actions_json: JSON.stringify(macro.actions), updated_at: now };
  if (existing) await trx.updateTable('macros').set(row).where('id', '=', id).execute();
  else await trx.insertInto('macros').values({ id, ...row }).execute();
  if (existing && macroScope(existing) !== macroScope(macro)) await appendChange(trx, { scope: macroScope(existing), entity: 'macro', rowId: id, ...(origin ? { origin } : {}) }, now);
  await appendChange(trx, { scope: macroScope(macro), entity: 'macro', rowId: id, row: macro, ...(origin ? { origin } : {}) }, now);
  return { macro, created: existing === null };
}

export async function deleteMacro(trx: Trx, clock: Clock, user: User, id: string, origin?: Origin): Promise<void> {
  const existing = await findMacro(trx, user, id);
  if (!existing) throw new MacroRefusal({ code: 'not_found', message: `No macro ${id} of yours` });
  if (!mayChangeMacro(user, existing)) throw forbidden('Only supervisors and admins delete shared macros');
  await trx.deleteFrom('macros').where('id', '=', id).execute();
  await appendChange(trx, { scope: macroScope(existing), entity: 'macro', rowId: id, ...(origin ? { origin } : {}) }, isoNow(clock));
}

/** Demo and first-run macros, written with their change so consoles replicate them. */
export async function insertCatalogMacro(trx: Trx, macro: Macro, at: string): Promise<void> {
  await trx
    .insertInto('macros')
    .values({ id: macro.id, title: macro.title, body: macro.body, locale: macro.locale, owner_id: macro.ownerId, actions_json: JSON.stringify(macro.actions), updated_at: macro.updatedAt })
    .execute();
  await appendChange(trx, { scope: macroScope(macro), entity: 'macro', rowId: macro.id, row: macro }, at);
}
