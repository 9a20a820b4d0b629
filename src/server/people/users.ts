import { UserSchema, type User } from '../../shared/domain/people.js';
import type { ServerDb } from '../storage/database.js';

type UserRow = { id: string; email: string; name: string; role: string; tier: number; locale: string; time_zone: string };

async function withQueues(db: ServerDb, row: UserRow): Promise<User> {
  const memberships = await db.selectFrom('queue_members').select('queue_id').where('user_id', '=', row.id).execute();
  return UserSchema.parse({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    locale: row.locale,
    timeZone: row.time_zone,
    queueIds: memberships.map((m) => m.queue_id).sort(),
  });
}

const userColumns = ['id', 'email', 'name', 'role', 'tier', 'locale', 'time_zone'] as const;

export async function findUserById(db: ServerDb, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row ? withQueues(db, row) : null;
}

export async function findCredentials(db: ServerDb, email: string): Promise<{ id: string; passwordHash: string } | null> {
  const row = await db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
  return row ? { id: row.id, passwordHash: row.password_hash } : null;
}
