import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { ToolIdSchema } from './asset.js';

/** What the console sends when an agent opens a remote session; the server words the note. */
export const RemoteSessionArgsSchema = z
  .object({
    ticketId: z.uuid(),
    assetId: z.uuid(),
    toolId: ToolIdSchema,
    /** When the link was opened here: kept as the session's start, even when the console was offline. */
    startedAt: IsoDateTimeSchema,
  })
  .strict();
export type RemoteSessionArgs = z.infer<typeof RemoteSessionArgsSchema>;

/** The facts the ticket event keeps, so a thread can word them in the reader's language. */
export interface RemoteSessionFacts {
  assetName: string;
  toolName: string;
  agentName: string;
  startedAt: string;
}

/** `2026-11-24 09:31 UTC`: one unambiguous form, whatever zone the reader is in. */
function utcMinute(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The internal note's text, in the desk's working language (English): the thread keeps one text for
 * every reader, like any other note, and the ticket event beside it keeps the facts.
 */
export function remoteSessionNote({ assetName, toolName, agentName, startedAt }: RemoteSessionFacts): string {
  return `Remote session to ${assetName} via ${toolName} started by ${agentName} at ${utcMinute(startedAt)}`;
}
