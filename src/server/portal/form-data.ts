import type { FastifyRequest } from 'fastify';
import { PORTAL_MAX_FILE_BYTES, PORTAL_MAX_FILES } from '../../shared/portal/forms.js';
import type { IncomingFile } from '../intake/attachments.js';
import type { Translator } from './i18n/translator.js';

export type UploadProblem = 'tooLarge' | 'tooMany' | 'unreadable';

export interface Upload {
  fields: Record<string, string>;
  files: IncomingFile[];
  /** Why reading stopped early; the fields read before it (the form's text, sent before its files) are kept. */
  problem: UploadProblem | null;
}

const problemOf: Record<string, UploadProblem> = { FST_REQ_FILE_TOO_LARGE: 'tooLarge', FST_FILES_LIMIT: 'tooMany' };

/** A multipart form, held in memory: the portal's limits (registered with the multipart plugin) keep that small. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // A file input left empty still sends a part, without a name.
        if (part.filename) files.push({ filename: part.filename, contentType: part.mimetype, data });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    return { fields, files, problem: null };
  } catch (error) {
    // Whatever went wrong was in what the browser sent (size, count, a broken or missing multipart body).
    return { fields, files, problem: problemOf[(error as { code?: string }).code ?? ''] ?? 'unreadable' };
  }
}

/** What a refused upload tells the customer, under the file field. */
export function uploadError(t: Translator, problem: UploadProblem): string {
  if (problem === 'tooLarge') return t.t('errors.tooLarge', { size: t.size(PORTAL_MAX_FILE_BYTES) });
  if (problem === 'tooMany') return t.plural('errors.tooMany', PORTAL_MAX_FILES);
  return t.t('errors.upload');
}

export const uploadStatus = (problem: UploadProblem) => (problem === 'unreadable' ? 400 : 413);
