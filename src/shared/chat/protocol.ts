import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { CustomerLocaleSchema } from '../notifications/templates.js';

/** What the widget and the `/chat` socket.io namespace say to each other. */
export const chatEvents = {
  /** widget → server: a new chat (name, email, language); answered with the session token. */
  start: 'chat:start',
  /** widget → server: back after a reload or a lost connection, by token. */
  resume: 'chat:resume',
  /** widget → server: the visitor wrote something. */
  say: 'chat:say',
  /** widget → server: a button (Yes / No / Talk to a person). */
  act: 'chat:act',
  /** server → widget: new lines and where the chat stands; the widget acknowledges it saw them. */
  update: 'chat:update',
} as const;

/** Long enough for a problem told in detail, short enough that a paste of a log file is refused. */
export const MAX_CHAT_TEXT = 2000;

export const chatStates = ['bot', 'human', 'closed'] as const;
export type ChatState = (typeof chatStates)[number];

export const chatAuthors = ['visitor', 'bot', 'agent', 'system'] as const;
export type ChatAuthor = (typeof chatAuthors)[number];

export const chatActions = ['solved', 'not_solved', 'human'] as const;
export const ChatActionSchema = z.enum(chatActions);
export type ChatAction = z.infer<typeof ChatActionSchema>;

export const handoverReasons = ['asked', 'no_match', 'critical', 'not_solved'] as const;
export type HandoverReason = (typeof handoverReasons)[number];

export const chatOutcomes = ['bot_resolved', 'handed_over', 'abandoned'] as const;
export type ChatOutcome = (typeof chatOutcomes)[number];

// A message id the widget makes up, so a message sent again after a lost acknowledgement is stored once.
const ClientMessageIdSchema = z.uuid();

export const ChatStartSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Optional, but without it an answer written after the visitor left has nowhere to go. */
    email: z.union([z.literal(''), z.email().max(254)]).optional(),
    locale: CustomerLocaleSchema,
  })
  .strict();
export type ChatStart = z.infer<typeof ChatStartSchema>;

export const ChatResumeSchema = z.object({ token: z.string().min(20).max(100) }).strict();
export const ChatSaySchema = z.object({ id: ClientMessageIdSchema, text: z.string().trim().min(1).max(MAX_CHAT_TEXT) }).strict();
export const ChatActSchema = z.object({ id: ClientMessageIdSchema, action: ChatActionSchema }).strict();

export const ChatArticleSchema = z.object({ id: z.string(), title: z.string(), excerpt: z.string(), url: z.string() });
export type ChatArticle = z.infer<typeof ChatArticleSchema>;

export const ChatLineSchema = z.object({
  seq: z.number().int().positive(),
  author: z.enum(chatAuthors),
  /** Who is speaking as the widget shows it: the visitor, the assistant, the agent; null for notices. */
  name: z.string().nullable(),
  text: z.string(),
  at: z.string(),
  /** Help-centre articles the assistant offers with this line; links are relative to the desk's address. */
  articles: z.array(ChatArticleSchema).optional(),
  /** The satisfaction survey of the chat's ticket, offered with the notice that it is solved (an absolute link with its token). */
  survey: z.object({ url: z.string() }).optional(),
});
export type ChatLine = z.infer<typeof ChatLineSchema>;

export const ChatUpdateSchema = z.object({
  state: z.enum(chatStates),
  locale: CustomerLocaleSchema,
  /** The assistant asked whether its articles solved the problem and waits for Yes or No. */
  awaitingFeedback: z.boolean(),
  /** The ticket a person answers on, once the chat was handed over. */
  ticketNumber: z.number().int().nullable(),
  lines: z.array(ChatLineSchema),
});
export type ChatUpdate = z.infer<typeof ChatUpdateSchema>;

/** The answer to start and resume: the whole conversation so far, and the token to come back with. */
export const ChatSessionReplySchema = ChatUpdateSchema.extend({ token: z.string(), name: z.string() });
export type ChatSessionReply = z.infer<typeof ChatSessionReplySchema>;

export const ChatStatsQuerySchema = z
  .object({
    from: IsoDateTimeSchema.optional(),
    to: IsoDateTimeSchema.optional(),
  })
  .strict();

export const ChatStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Chats started in the period. */
  chats: z.number().int(),
  botResolved: z.number().int(),
  handedOver: z.object({ total: z.number().int(), byReason: z.record(z.enum(handoverReasons), z.number().int()) }),
  abandoned: z.number().int(),
  /** Still with the assistant and active within the last half hour. */
  inProgress: z.number().int(),
  /** Resolved by the assistant alone, of the chats that ended one way or another; null before any did. */
  botResolutionRate: z.number().min(0).max(1).nullable(),
});
export type ChatStats = z.infer<typeof ChatStatsSchema>;
