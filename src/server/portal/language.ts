import type { FastifyReply, FastifyRequest } from 'fastify';
import { CustomerLocaleSchema, type CustomerLocale } from '../../shared/notifications/templates.js';
import { declaredLocale } from '../intake/customers/detect-locale.js';
import { cookieHeader, readCookies } from './cookies.js';

const LANGUAGE_COOKIE = 'portal_lang';
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The portal's language: one chosen with `?lang=` (remembered in a cookie, so the switcher's choice
 * sticks), else the remembered one, else the browser's Accept-Language, else English.
 */
export function portalLocale(request: FastifyRequest, reply: FastifyReply): CustomerLocale {
  const asked = CustomerLocaleSchema.safeParse((request.query as Record<string, unknown> | undefined)?.lang);
  if (asked.success) {
    reply.header('set-cookie', cookieHeader(LANGUAGE_COOKIE, asked.data, { path: '/', maxAge: YEAR_SECONDS }));
    return asked.data;
  }
  const remembered = CustomerLocaleSchema.safeParse(readCookies(request.headers.cookie).get(LANGUAGE_COOKIE));
  if (remembered.success) return remembered.data;
  return declaredLocale(request.headers['accept-language']) ?? 'en';
}
