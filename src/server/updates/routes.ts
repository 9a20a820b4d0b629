import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../http/errors.js';

const UpdateFileParams = z.object({
  file: z.string().regex(/^[\w.-]+$/, 'a file name of the update feed'),
});

/**
 * The `generic` update feed electron-updater reads (latest.yml, latest-linux.yml, installers):
 * publishing a console release is copying electron-builder's dist/ output into this folder.
 */
export function updateFeedRoutes(updatesDir: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/updates/:file',
      { schema: { tags: ['updates'], summary: 'Console update feed (electron-updater generic provider)', params: UpdateFileParams } },
      async (request, reply) => {
        const path = join(updatesDir, basename(request.params.file));
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) throw new HttpError(404, 'not_found', `No update file ${request.params.file}`);
        const type = path.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream';
        return reply.header('content-type', type).header('content-length', info.size).send(createReadStream(path));
      },
    );
  };
}
