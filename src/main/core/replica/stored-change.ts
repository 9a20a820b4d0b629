import { decodeChanges, type Change } from '../../../shared/sync/protocol.js';
import { involvedUserIds } from '../../../shared/domain/escalation.js';
import { assetOwnerKey } from '../../../shared/remote/asset.js';

/** The rota's entities: stored as they come, read back whole to compute who is on shift and on call. */
export const rotaEntities = ['shiftRotation', 'onCallRotation', 'shiftOverride', 'shiftSwap'] as const;
export type RotaEntity = (typeof rotaEntities)[number];

export function isRotaEntity(entity: Change['entity']): entity is RotaEntity {
  return (rotaEntities as readonly string[]).includes(entity);
}

interface Placed {
  seq: number;
  scope: string;
}

type Upsert<E extends Change['entity'], Columns> = Placed & { op: 'upsert'; entity: E; id: string; json: string } & Columns;

/**
 * A validated change reduced to what the replica writes: the row as JSON and the columns it is
 * indexed by. Preparing is the costly half of applying a page (decoding, parsing, validating and
 * serialising), so a first sync prepares pages in another thread and hands the replica only strings,
 * which cross a thread boundary cheaply.
 */
export type StoredChange =
  | (Placed & { op: 'delete'; entity: Change['entity']; id: string })
  | Upsert<'ticket', { queueId: string; number: number }>
  | Upsert<'message', { ticketId: string; createdAt: string }>
  | Upsert<'article', { locale: string; title: string; body: string }>
  | Upsert<'handoff', { queueId: string | null; createdAt: string; authorName: string; body: string }>
  | Upsert<'escalation', { ticketId: string; escalatedAt: string; people: string[] }>
  | Upsert<'asset', { ownerKey: string }>
  | Upsert<'ticketEvent', { ticketId: string; at: string }>
  | Upsert<'queue' | 'agent' | 'macro' | 'slaPolicy' | 'view' | 'remoteSettings' | RotaEntity, object>;

export function storedChange(change: Change): StoredChange {
  const placed = { seq: change.seq, scope: change.scope };
  if (change.op === 'delete') return { ...placed, op: 'delete', entity: change.entity, id: change.rowId };
  const upsert = { ...placed, op: 'upsert' as const, id: change.row.id, json: JSON.stringify(change.row) };
  switch (change.entity) {
    case 'ticket':
      return { ...upsert, entity: 'ticket', queueId: change.row.queueId, number: change.row.number };
    case 'message':
      return { ...upsert, entity: 'message', ticketId: change.row.ticketId, createdAt: change.row.createdAt };
    case 'article':
      return { ...upsert, entity: 'article', locale: change.row.locale, title: change.row.title, body: change.row.body };
    case 'handoff':
      return { ...upsert, entity: 'handoff', queueId: change.row.queueId, createdAt: change.row.createdAt, authorName: change.row.authorName, body: change.row.body };
    case 'escalation':
      return { ...upsert, entity: 'escalation', ticketId: change.row.ticketId, escalatedAt: change.row.escalatedAt, people: involvedUserIds(change.row) };
    case 'ticketEvent':
      return { ...upsert, entity: 'ticketEvent', ticketId: change.row.ticketId, at: change.row.at };
    case 'asset':
      return { ...upsert, entity: 'asset', ownerKey: assetOwnerKey(change.row.owner) };
    default:
      return { ...upsert, entity: change.entity };
  }
}

/** Validates a binary change list (throwing on the first bad field) and prepares it for the replica. */
export function decodeStoredChanges(bytes: Uint8Array): StoredChange[] {
  return decodeChanges(bytes).map(storedChange);
}
