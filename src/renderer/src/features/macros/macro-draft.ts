import type { LocalMacro } from '../../../../shared/desk-api/knowledge-methods.js';
import type { MacroActions, MacroContent } from '../../../../shared/domain/knowledge.js';
import type { Locale } from '../../../../shared/domain/people.js';
import { TagSchema } from '../../../../shared/domain/tags.js';
import type { Priority, TicketStatus } from '../../../../shared/domain/ticket.js';

/** The editor's fields as typed: tags as one line each, the assignee as one choice ('' = no change). */
export interface MacroDraft {
  title: string;
  body: string;
  locale: Locale;
  shared: boolean;
  status: TicketStatus | '';
  priority: Priority | '';
  /** '' no change, 'me', 'unassigned', or 'user:<id>'. */
  assignee: string;
  addTags: string;
  removeTags: string;
}

export function emptyDraft(locale: Locale): MacroDraft {
  return { title: '', body: '', locale, shared: false, status: '', priority: '', assignee: '', addTags: '', removeTags: '' };
}

export function draftOf(macro: LocalMacro): MacroDraft {
  const { actions } = macro;
  const assignee = actions.assignee === undefined ? '' : actions.assignee.kind === 'user' ? `user:${actions.assignee.userId}` : actions.assignee.kind;
  return {
    title: macro.title,
    body: macro.body,
    locale: macro.locale,
    shared: macro.ownerId === null,
    status: actions.status ?? '',
    priority: actions.priority ?? '',
    assignee,
    addTags: (actions.addTags ?? []).join(', '),
    removeTags: (actions.removeTags ?? []).join(', '),
  };
}

/** Tags as the agent typed them, split on commas and spaces; the ones a ticket could not carry come back as `invalid`. */
export function parseTags(text: string): { tags: string[]; invalid: string[] } {
  const tags: string[] = [];
  const invalid: string[] = [];
  for (const word of text.split(/[\s,]+/u).filter(Boolean)) {
    const parsed = TagSchema.safeParse(word);
    if (!parsed.success) invalid.push(word);
    else if (!tags.includes(parsed.data)) tags.push(parsed.data);
  }
  return { tags, invalid };
}

export type DraftProblem = { kind: 'invalidTags'; tags: string[] } | { kind: 'empty' };

/** The macro to save, or what is wrong with the draft (said next to the Save button, nothing sent). */
export function contentOf(draft: MacroDraft): { content: MacroContent } | { problem: DraftProblem } {
  const add = parseTags(draft.addTags);
  const remove = parseTags(draft.removeTags);
  const invalid = [...add.invalid, ...remove.invalid];
  if (invalid.length > 0) return { problem: { kind: 'invalidTags', tags: invalid } };
  const actions: MacroActions = {
    ...(draft.status ? { status: draft.status } : {}),
    ...(draft.priority ? { priority: draft.priority } : {}),
    ...(draft.assignee === 'me' || draft.assignee === 'unassigned' ? { assignee: { kind: draft.assignee } } : {}),
    ...(draft.assignee.startsWith('user:') ? { assignee: { kind: 'user' as const, userId: draft.assignee.slice('user:'.length) } } : {}),
    ...(add.tags.length > 0 ? { addTags: add.tags } : {}),
    ...(remove.tags.length > 0 ? { removeTags: remove.tags } : {}),
  };
  if (draft.body.trim() === '' && Object.keys(actions).length === 0) return { problem: { kind: 'empty' } };
  return { content: { title: draft.title.trim(), body: draft.body, locale: draft.locale, shared: draft.shared, actions } };
}
