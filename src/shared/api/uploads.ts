import { z } from 'zod';

/** A file sent ahead of the reply or note that attaches it, under the id the console minted for it. */
export const UploadParamsSchema = z.object({ id: z.uuid() });

export const UploadHeadersSchema = z.object({
  /** URI-encoded, so any file name survives an HTTP header. */
  'x-filename': z.string().min(1).max(1000),
  'x-content-type': z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type such as text/plain').max(255).default('application/octet-stream'),
});

export const UploadReplySchema = z.object({ id: z.uuid(), size: z.number().int().nonnegative() });
