import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isoNow, type Clock } from '../../shared/clock.js';
import type { User } from '../../shared/domain/people.js';
import type {
  CreateShiftOverrideBody,
  CreateShiftSwapBody,
  OnCallRotation,
  ShiftOverride,
  ShiftRotation,
  ShiftSwap,
  SwapLeg,
} from '../../shared/domain/shifts.js';
import { Schedule } from '../../shared/shifts/schedule.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import type { ChangeFeed } from '../sync/change-feed.js';
import { appendChange, type ChangeInput } from '../sync/change-log.js';
import type { ShiftDirectory } from './shift-directory.js';
import { onCallRotationToRow, overrideFromRow, overrideToRow, shiftRotationToRow, swapFromRow, swapToRow } from './rows.js';

type Trx = Transaction<Database>;

/** Why a rota write cannot happen; `field` names the part of the body at fault. */
export class RotaRefusal extends Error {
  constructor(
    readonly code: 'invalid' | 'not_found' | 'conflict',
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

type Rotation = { kind: 'shift'; rotation: ShiftRotation } | { kind: 'onCall'; rotation: OnCallRotation };

const utc = (instant: string) => new Date(instant).toISOString();

/** Overrides and swaps: what a rota change is stored in, and what its change-log entity is called. */
const entries = { override: { table: 'shift_overrides', entity: 'shiftOverride' }, swap: { table: 'shift_swaps', entity: 'shiftSwap' } } as const;

/**
 * Writes to the rota. Each write stores the row and appends it to the shared scope's change log in one
 * transaction, so every console's copy of the rota is either before or after it, never half.
 */
export class RotaStore {
  constructor(
    private readonly db: ServerDb,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
    private readonly directory: ShiftDirectory,
  ) {}

  /** Runs a write in its own transaction and tells the sync feed afterwards. */
  async write<T>(apply: (trx: Trx) => Promise<T>): Promise<T> {
    const result = await this.db.transaction().execute(apply);
    this.feed.committed();
    return result;
  }

  async saveShiftRotation(trx: Trx, actor: Pick<User, 'id'>, rotation: ShiftRotation, mode: 'create' | 'replace'): Promise<ShiftRotation> {
    await this.checkId(trx, rotation.id, 'shift', mode);
    await this.checkQueues(trx, rotation.queueIds);
    for (const [index, shift] of rotation.shifts.entries()) await this.checkUsers(trx, shift.memberIds, `shifts.${index}.memberIds`);
    const row = shiftRotationToRow(rotation, this.stamp(actor));
    await trx.insertInto('shift_rotations').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    await this.publish(trx, { entity: 'shiftRotation', rowId: rotation.id, row: rotation });
    return rotation;
  }

  async saveOnCallRotation(trx: Trx, actor: Pick<User, 'id'>, rotation: OnCallRotation, mode: 'create' | 'replace'): Promise<OnCallRotation> {
    await this.checkId(trx, rotation.id, 'onCall', mode);
    await this.checkUsers(trx, rotation.memberIds, 'memberIds');
    const row = onCallRotationToRow(rotation, this.stamp(actor));
    await trx.insertInto('on_call_rotations').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    await this.publish(trx, { entity: 'onCallRotation', rowId: rotation.id, row: rotation });
    return rotation;
  }

  /** Removes a rotation with its overrides and swaps: they mean nothing without it. */
  async deleteRotation(trx: Trx, kind: Rotation['kind'], id: string): Promise<void> {
    const found = await this.rotation(trx, id);
    if (!found || found.kind !== kind) throw new RotaRefusal('not_found', 'id', `no ${kind === 'shift' ? 'shift' : 'on-call'} rotation "${id}"`);
    for (const { id: overrideId } of await trx.selectFrom('shift_overrides').select('id').where('rotation_id', '=', id).execute()) await this.deleteOverride(trx, overrideId);
    for (const { id: swapId } of await trx.selectFrom('shift_swaps').select('id').where('rotation_id', '=', id).execute()) await this.deleteSwap(trx, swapId);
    if (kind === 'shift') await trx.deleteFrom('shift_rotations').where('id', '=', id).execute();
    else await trx.deleteFrom('on_call_rotations').where('id', '=', id).execute();
    await this.publish(trx, { entity: kind === 'shift' ? 'shiftRotation' : 'onCallRotation', rowId: id });
  }

  async addOverride(trx: Trx, actor: Pick<User, 'id'>, body: CreateShiftOverrideBody, id: string = randomUUID()): Promise<ShiftOverride> {
    const rotation = await this.requireRotation(trx, body.rotationId);
    if (body.shiftId !== undefined && (rotation.kind !== 'shift' || !rotation.rotation.shifts.some((s) => s.id === body.shiftId))) {
      throw new RotaRefusal('invalid', 'shiftId', `rotation "${body.rotationId}" has no shift "${body.shiftId}"`);
    }
    const members = body.shiftId !== undefined && rotation.kind === 'shift' ? rotation.rotation.shifts.find((s) => s.id === body.shiftId)!.memberIds : membersOf(rotation);
    if (!members.includes(body.replacedUserId)) throw new RotaRefusal('invalid', 'replacedUserId', `"${body.replacedUserId}" does not work in ${body.shiftId ?? body.rotationId}`);
    await this.checkUsers(trx, [body.replacementUserId], 'replacementUserId');
    const override: ShiftOverride = {
      id,
      rotationId: body.rotationId,
      ...(body.shiftId !== undefined ? { shiftId: body.shiftId } : {}),
      replacedUserId: body.replacedUserId,
      replacementUserId: body.replacementUserId,
      start: utc(body.start),
      end: utc(body.end),
      reason: body.reason,
      createdBy: actor.id,
      createdAt: isoNow(this.clock),
    };
    await trx.insertInto('shift_overrides').values(overrideToRow(override)).execute();
    await this.publish(trx, { entity: 'shiftOverride', rowId: id, row: override });
    return override;
  }

  async deleteOverride(trx: Trx, id: string): Promise<void> {
    await this.deleteEntry(trx, 'override', id);
  }

  /**
   * Records a swap. Each side must have something to give: the person works (or is on call) in the
   * rotation at some point of their window, as the rota stands before the swap.
   */
  async addSwap(trx: Trx, actor: Pick<User, 'id'>, body: CreateShiftSwapBody, id: string = randomUUID()): Promise<ShiftSwap> {
    const rotation = await this.requireRotation(trx, body.rotationId);
    const members = membersOf(rotation);
    const schedule = await this.directory.schedule(trx, new Date(Math.min(Date.parse(body.first.start), Date.parse(body.second.start))));
    for (const side of ['first', 'second'] as const) {
      const leg = body[side];
      if (!members.includes(leg.userId)) throw new RotaRefusal('invalid', `${side}.userId`, `"${leg.userId}" does not work in rotation "${body.rotationId}"`);
      if (!worksDuring(schedule, rotation, leg)) throw new RotaRefusal('invalid', side, `"${leg.userId}" has no shift in rotation "${body.rotationId}" between ${leg.start} and ${leg.end} to give away`);
    }
    const leg = (l: SwapLeg): SwapLeg => ({ userId: l.userId, start: utc(l.start), end: utc(l.end) });
    const swap: ShiftSwap = { id, rotationId: body.rotationId, first: leg(body.first), second: leg(body.second), reason: body.reason, createdBy: actor.id, createdAt: isoNow(this.clock) };
    await trx.insertInto('shift_swaps').values(swapToRow(swap)).execute();
    await this.publish(trx, { entity: 'shiftSwap', rowId: id, row: swap });
    return swap;
  }

  async deleteSwap(trx: Trx, id: string): Promise<void> {
    await this.deleteEntry(trx, 'swap', id);
  }

  private async deleteEntry(trx: Trx, kind: keyof typeof entries, id: string): Promise<void> {
    const { table, entity } = entries[kind];
    const { numDeletedRows } = await trx.deleteFrom(table).where('id', '=', id).executeTakeFirst();
    if (numDeletedRows === 0n) throw new RotaRefusal('not_found', 'id', `no ${kind} "${id}"`);
    await this.publish(trx, { entity, rowId: id });
  }

  /** Overrides in force at or after `from`, in the order they start. */
  async overrides(db: ServerDb | Trx, query: { rotationId?: string; from: string }): Promise<ShiftOverride[]> {
    let select = db.selectFrom('shift_overrides').selectAll().where('ends_at', '>', utc(query.from));
    if (query.rotationId !== undefined) select = select.where('rotation_id', '=', query.rotationId);
    return (await select.orderBy('starts_at').orderBy('id').execute()).map(overrideFromRow);
  }

  /** Swaps with a window still to end at or after `from`, in the order they were made. */
  async swaps(db: ServerDb | Trx, query: { rotationId?: string; from: string }): Promise<ShiftSwap[]> {
    let select = db.selectFrom('shift_swaps').selectAll().where('ends_at', '>', utc(query.from));
    if (query.rotationId !== undefined) select = select.where('rotation_id', '=', query.rotationId);
    return (await select.orderBy('created_at').orderBy('id').execute()).map(swapFromRow);
  }

  private async rotation(trx: Trx, id: string): Promise<Rotation | null> {
    const facts = await this.directory.facts(trx, new Date(this.clock.now()));
    const shift = facts.rotations.find((r) => r.id === id);
    if (shift) return { kind: 'shift', rotation: shift };
    const onCall = facts.onCallRotations.find((r) => r.id === id);
    return onCall ? { kind: 'onCall', rotation: onCall } : null;
  }

  private async requireRotation(trx: Trx, id: string): Promise<Rotation> {
    const found = await this.rotation(trx, id);
    if (!found) throw new RotaRefusal('invalid', 'rotationId', `no rotation "${id}"`);
    return found;
  }

  /** Shift and on-call rotations share one id space: an override names either. */
  private async checkId(trx: Trx, id: string, kind: Rotation['kind'], mode: 'create' | 'replace'): Promise<void> {
    const found = await this.rotation(trx, id);
    if (found && found.kind !== kind) throw new RotaRefusal('conflict', 'id', `"${id}" is already ${found.kind === 'shift' ? 'a shift' : 'an on-call'} rotation`);
    if (mode === 'create' && found) throw new RotaRefusal('conflict', 'id', `a rotation "${id}" already exists`);
    if (mode === 'replace' && !found) throw new RotaRefusal('not_found', 'id', `no ${kind === 'shift' ? 'shift' : 'on-call'} rotation "${id}"`);
  }

  private async checkQueues(trx: Trx, queueIds: readonly string[]): Promise<void> {
    const known = new Set((await trx.selectFrom('queues').select('id').execute()).map((q) => q.id));
    const unknown = queueIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new RotaRefusal('invalid', 'queueIds', `no queue "${unknown}"`);
  }

  private async checkUsers(trx: Trx, userIds: readonly string[], field: string): Promise<void> {
    if (userIds.length === 0) return;
    const known = new Set((await trx.selectFrom('users').select('id').where('id', 'in', [...userIds]).execute()).map((u) => u.id));
    const unknown = userIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new RotaRefusal('invalid', field, `no user "${unknown}"`);
  }

  private stamp(actor: Pick<User, 'id'>): { updated_at: string; updated_by: string } {
    return { updated_at: isoNow(this.clock), updated_by: actor.id };
  }

  /** The rota goes to every console: agents need to know who is on call as much as supervisors do. */
  private async publish(trx: Trx, change: Omit<ChangeInput, 'scope'>): Promise<void> {
    await appendChange(trx, { scope: 'shared', ...change }, isoNow(this.clock));
  }
}

function membersOf(found: Rotation): readonly string[] {
  return found.kind === 'shift' ? [...new Set(found.rotation.shifts.flatMap((s) => s.memberIds))] : found.rotation.memberIds;
}

function worksDuring(schedule: Schedule, found: Rotation, leg: SwapLeg): boolean {
  const [from, to] = [Date.parse(leg.start), Date.parse(leg.end)];
  const stints = found.kind === 'shift' ? schedule.shiftStints(from, to, [found.rotation]) : schedule.onCallStints(from, to, [found.rotation]);
  return stints.some((stint) => stint.userId === leg.userId);
}
