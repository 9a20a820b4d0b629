import type { LocalMacro } from '../../../shared/desk-api/knowledge-methods.js';
import type { Macro } from '../../../shared/domain/knowledge.js';
import type { User } from '../../../shared/domain/people.js';
import type { OutboxEntry } from './overlay.js';

/**
 * The macros the agent sees: the replica's, with this console's unconfirmed `macro.save` and
 * `macro.delete` replayed over them in order. Derived from the outbox on every read (a desk has
 * hundreds of macros, not millions), so a refused change simply stops showing: an exact rollback.
 */
export function overlayMacros(replicated: readonly Macro[], unconfirmed: readonly OutboxEntry[], user: Pick<User, 'id'>): LocalMacro[] {
  const macros = new Map<string, LocalMacro>(replicated.map((macro) => [macro.id, { ...macro, pending: false }]));
  for (const { mutation } of unconfirmed) {
    if (mutation.name === 'macro.delete') macros.delete(mutation.args.macroId);
    else if (mutation.name === 'macro.save') {
      const { macroId, macro } = mutation.args;
      macros.set(macroId, {
        id: macroId,
        title: macro.title,
        body: macro.body,
        locale: macro.locale,
        ownerId: macro.shared ? null : user.id,
        actions: macro.actions,
        updatedAt: mutation.createdAt,
        pending: true,
      });
    }
  }
  return [...macros.values()].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
