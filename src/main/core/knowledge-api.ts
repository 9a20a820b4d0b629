import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ArticleConflictReplySchema } from '../../shared/api/knowledge.js';
import type { DeskApi } from '../../shared/desk-api/contract.js';
import { DeskError } from '../../shared/desk-api/errors.js';
import type { ArticleView, knowledgeMethods } from '../../shared/desk-api/knowledge-methods.js';
import { ArticleSchema, ArticleVersionSchema, ArticleVersionSummarySchema, mayChangeMacro, mayEditKnowledge, maySaveSharedMacros, type Article } from '../../shared/domain/knowledge.js';
import type { User } from '../../shared/domain/people.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import { overlayMacros } from './replica/macro-overlay.js';
import type { Replica } from './replica/replica.js';
import { requestJson } from './sync/server-api.js';

/** A ticket's side panel shows a handful; the panel's list can ask for more. */
const SUGGESTIONS = 5;

export interface KnowledgeApiDeps {
  /** Read when called: the core opens its replica after building its api. */
  replica(): Replica;
  session(): { user: User; serverUrl: string; token: string };
  /** Writes the mutation to the outbox (shown at once) and sends it when online. */
  record(user: User, mutation: Omit<Mutation, 'id'>): void;
  send(): void;
  now(): string;
  changed(): void;
}

type KnowledgeMethod = keyof typeof knowledgeMethods;

/** Customers open public articles on the portal the server serves (docs/knowledge.md). */
function view(article: Article, serverUrl: string): ArticleView {
  return { ...article, publicUrl: article.isPublic ? new URL(`/portal/kb/${encodeURIComponent(article.id)}`, serverUrl).toString() : null };
}

/**
 * A 409 to an edit is an answer, not a failure: the server says who saved which version meanwhile.
 * It is handed on as a 200 so the one REST helper parses it like any reply.
 */
const conflictAsAnswer: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  return response.status === 409 ? new Response(await response.text(), { status: 200, headers: response.headers }) : response;
};

/**
 * The console's knowledge base and macros. Reading (search, articles, suggestions, macros) is the
 * replica's, offline too. Macros are written through the outbox like any agent action; articles are
 * written online only, because two editors offline would fork an article's history.
 */
export function knowledgeApi(deps: KnowledgeApiDeps): Pick<DeskApi, KnowledgeMethod> {
  const { replica } = deps;

  function macrosFor(user: User) {
    return overlayMacros(replica().listMacros(), replica().outbox.unconfirmed(replica().outbox.clientIdFor(user.id)), user);
  }

  function requireEditorOnline(user: User): void {
    if (!mayEditKnowledge(user)) throw new DeskError('forbidden', 'Only supervisors and admins edit the knowledge base');
  }

  return {
    'kb.search': async ({ query, locale }) => {
      deps.session();
      return replica().searchArticles(query, locale);
    },
    'kb.get': async ({ id }) => {
      const { serverUrl } = deps.session();
      const article = replica().getArticle(id);
      return article ? view(article, serverUrl) : null;
    },
    'kb.suggest': async ({ ticketId, limit }) => {
      deps.session();
      return replica().knowledge.suggestForTicket(ticketId, limit ?? SUGGESTIONS);
    },
    'kb.save': async (input) => {
      const { user, serverUrl, token } = deps.session();
      requireEditorOnline(user);
      const editing = 'id' in input;
      const reply = await requestJson({
        serverUrl,
        token,
        path: editing ? `/api/v1/articles/${encodeURIComponent(input.id)}` : '/api/v1/articles',
        method: editing ? 'PUT' : 'POST',
        body: editing ? { ...input.content, baseVersion: input.baseVersion } : input.content,
        fetchImpl: conflictAsAnswer,
        reply: z.union([ArticleConflictReplySchema, ArticleSchema]),
      });
      if ('error' in reply) return { status: 'conflict', message: reply.message, current: reply.current ?? null };
      deps.changed();
      return { status: 'saved', article: view(reply, serverUrl) };
    },
    'kb.versions': async ({ id }) => {
      const { serverUrl, token } = deps.session();
      return requestJson({ serverUrl, token, path: `/api/v1/articles/${encodeURIComponent(id)}/versions`, reply: z.array(ArticleVersionSummarySchema) });
    },
    'kb.version': async ({ id, version }) => {
      const { serverUrl, token } = deps.session();
      return requestJson({ serverUrl, token, path: `/api/v1/articles/${encodeURIComponent(id)}/versions/${version}`, reply: ArticleVersionSchema });
    },
    'macros.list': async () => macrosFor(deps.session().user),
    'macros.save': async ({ id, macro }) => {
      const { user } = deps.session();
      // Refused here rather than by the server later: the agent is still looking at the editor.
      const existing = id === undefined ? undefined : macrosFor(user).find((candidate) => candidate.id === id);
      if (id !== undefined && !existing) throw new DeskError('not_found', `No macro ${id} of yours`);
      if (existing && !mayChangeMacro(user, existing)) throw new DeskError('forbidden', 'Only supervisors and admins change shared macros');
      if (macro.shared && !maySaveSharedMacros(user)) throw new DeskError('forbidden', 'Only supervisors and admins create shared macros');
      const macroId = id ?? randomUUID();
      deps.record(user, { name: 'macro.save', args: { macroId, macro }, createdAt: deps.now() });
      deps.changed();
      deps.send();
      return { id: macroId };
    },
    'macros.delete': async ({ id }) => {
      const { user } = deps.session();
      const existing = macrosFor(user).find((candidate) => candidate.id === id);
      if (!existing) return { queued: false };
      if (!mayChangeMacro(user, existing)) throw new DeskError('forbidden', 'Only supervisors and admins delete shared macros');
      deps.record(user, { name: 'macro.delete', args: { macroId: id }, createdAt: deps.now() });
      deps.changed();
      deps.send();
      return { queued: true };
    },
  };
}
