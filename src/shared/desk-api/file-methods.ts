import { z } from 'zod';

/**
 * A file fetched from the server for the agent to save. The bytes travel as base64 because both hosts
 * carry DeskApi answers as JSON (the browser host's WebSocket frames are text).
 */
export const DownloadedFileSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  base64: z.string(),
});
export type DownloadedFile = z.infer<typeof DownloadedFileSchema>;

export const fileMethods = {
  /** Fetches a message's attachment, or the message as it arrived, from the server (online only). */
  'files.download': {
    input: z.object({ ticketId: z.uuid(), kind: z.enum(['attachment', 'original']), id: z.uuid() }).strict(),
    output: DownloadedFileSchema,
  },
} as const;
