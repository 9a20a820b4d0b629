import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema, LoginBodySchema, LoginReplySchema } from '../../shared/api/rest.js';
import { HttpError } from '../http/errors.js';
import { findCredentials, findUserById } from '../people/users.js';
import type { ServerContext } from '../context.js';
import { verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';

export function authRoutes({ db, clock }: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Exchange email and password for a bearer token',
          body: LoginBodySchema,
          response: { 200: LoginReplySchema, 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request) => {
        const credentials = await findCredentials(db, request.body.email);
        // Same answer for an unknown email and a wrong password, so the form cannot probe accounts.
        const valid = credentials !== null && (await verifyPassword(request.body.password, credentials.passwordHash));
        const user = valid ? await findUserById(db, credentials.id) : null;
        if (!user) throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
        return { token: await createSession(db, clock, user.id), user };
      },
    );
  };
}
