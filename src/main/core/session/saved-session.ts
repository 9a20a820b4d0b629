import { z } from 'zod';
import { UserSchema, type User } from '../../../shared/domain/people.js';
import type { SecretStore } from './secret-store.js';

const SavedSessionSchema = z.object({ serverUrl: z.string(), token: z.string(), user: UserSchema });
export type SavedSession = z.infer<typeof SavedSessionSchema>;

/** A saved session lets the console open straight into the replica after a restart, even offline. */
export function loadSession(store: SecretStore): SavedSession | null {
  const text = store.read();
  if (!text) return null;
  try {
    return SavedSessionSchema.parse(JSON.parse(text));
  } catch {
    store.clear();
    return null;
  }
}

export function saveSession(store: SecretStore, session: { serverUrl: string; token: string; user: User }): void {
  store.write(JSON.stringify(session));
}
