import {
  OnCallRotationSchema,
  ShiftOverrideSchema,
  ShiftRotationSchema,
  ShiftSwapSchema,
  type OnCallRotation,
  type ShiftOverride,
  type ShiftRotation,
  type ShiftSwap,
} from '../../shared/domain/shifts.js';
import type { Database } from '../storage/schema.js';

type Stamp = { updated_at: string; updated_by: string };

export function shiftRotationFromRow(row: Database['shift_rotations']): ShiftRotation {
  return ShiftRotationSchema.parse({ id: row.id, name: row.name, tier: row.tier, queueIds: JSON.parse(row.queue_ids_json), shifts: JSON.parse(row.shifts_json) });
}

export function shiftRotationToRow(rotation: ShiftRotation, stamp: Stamp): Database['shift_rotations'] {
  return { id: rotation.id, name: rotation.name, tier: rotation.tier, queue_ids_json: JSON.stringify(rotation.queueIds), shifts_json: JSON.stringify(rotation.shifts), ...stamp };
}

export function onCallRotationFromRow(row: Database['on_call_rotations']): OnCallRotation {
  return OnCallRotationSchema.parse({
    id: row.id,
    name: row.name,
    tier: row.tier,
    memberIds: JSON.parse(row.member_ids_json),
    handover: { weekday: row.handover_weekday, time: row.handover_time, timeZone: row.handover_time_zone },
    lengthDays: row.length_days,
    startDate: row.start_date,
  });
}

export function onCallRotationToRow(rotation: OnCallRotation, stamp: Stamp): Database['on_call_rotations'] {
  return {
    id: rotation.id,
    name: rotation.name,
    tier: rotation.tier,
    member_ids_json: JSON.stringify(rotation.memberIds),
    handover_weekday: rotation.handover.weekday,
    handover_time: rotation.handover.time,
    handover_time_zone: rotation.handover.timeZone,
    length_days: rotation.lengthDays,
    start_date: rotation.startDate,
    ...stamp,
  };
}

export function overrideFromRow(row: Database['shift_overrides']): ShiftOverride {
  return ShiftOverrideSchema.parse({
    id: row.id,
    rotationId: row.rotation_id,
    ...(row.shift_id !== null ? { shiftId: row.shift_id } : {}),
    replacedUserId: row.replaced_user_id,
    replacementUserId: row.replacement_user_id,
    start: row.starts_at,
    end: row.ends_at,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  });
}

export function overrideToRow(override: ShiftOverride): Database['shift_overrides'] {
  return {
    id: override.id,
    rotation_id: override.rotationId,
    shift_id: override.shiftId ?? null,
    replaced_user_id: override.replacedUserId,
    replacement_user_id: override.replacementUserId,
    starts_at: override.start,
    ends_at: override.end,
    reason: override.reason,
    created_by: override.createdBy,
    created_at: override.createdAt,
  };
}

export function swapFromRow(row: Database['shift_swaps']): ShiftSwap {
  return ShiftSwapSchema.parse({
    id: row.id,
    rotationId: row.rotation_id,
    first: { userId: row.first_user_id, start: row.first_starts_at, end: row.first_ends_at },
    second: { userId: row.second_user_id, start: row.second_starts_at, end: row.second_ends_at },
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  });
}

export function swapToRow(swap: ShiftSwap): Database['shift_swaps'] {
  return {
    id: swap.id,
    rotation_id: swap.rotationId,
    first_user_id: swap.first.userId,
    first_starts_at: swap.first.start,
    first_ends_at: swap.first.end,
    second_user_id: swap.second.userId,
    second_starts_at: swap.second.start,
    second_ends_at: swap.second.end,
    reason: swap.reason,
    created_by: swap.createdBy,
    created_at: swap.createdAt,
    ends_at: new Date(Math.max(Date.parse(swap.first.end), Date.parse(swap.second.end))).toISOString(),
  };
}
