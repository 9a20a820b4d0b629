import type { ServerDb } from '../storage/database.js';

/** A file as a browser uploads it. */
export interface UploadFile {
  name: string;
  type: string;
  data: Buffer;
}

/** Posts a multipart form as a browser does; redirects are left for the test to see. */
export function postForm(url: string, path: string, fields: Record<string, string>, options: { files?: UploadFile[]; fileField?: string; cookie?: string } = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of options.files ?? []) form.append(options.fileField ?? 'attachments', new Blob([Uint8Array.from(file.data)], { type: file.type }), file.name);
  return fetch(`${url}${path}`, { method: 'POST', body: form, redirect: 'manual', headers: options.cookie ? { cookie: options.cookie } : {} });
}

/** Posts a plain (urlencoded) form, as the sign-in and survey pages do. */
export function postFields(url: string, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
}

export function getPage(url: string, path: string, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** The newest queued mail of a kind to an address, if any. */
export async function lastMail(db: ServerDb, to: string, kind: string) {
  return db.selectFrom('outbound_messages').selectAll().where('to_address', '=', to).where('kind', 'like', kind).orderBy('created_at', 'desc').orderBy('id').executeTakeFirst();
}

/** The portal path (with its query) a mail links to, on whatever host the desk put in it. */
export function linkedPath(body: string, pattern: RegExp): string {
  const match = body.match(pattern);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${body}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

/** Asks for a sign-in link, follows the mailed one and presses Continue: answers the session cookie. */
export async function signInByMail(url: string, db: ServerDb, email: string): Promise<string> {
  const asked = await postFields(url, '/portal/access', { email });
  if (asked.status !== 200) throw new Error(`asking for a link answered ${asked.status}`);
  const mail = await lastMail(db, email.toLowerCase(), 'portal.link');
  if (!mail) throw new Error(`no sign-in link was mailed to ${email}`);
  const token = linkedPath(mail.body, /https?:\/\/\S+\/portal\/link\/[A-Za-z0-9_-]+/).split('/').pop()!;
  const signedIn = await postFields(url, '/portal/link', { token });
  const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (signedIn.status !== 303 || !cookie) throw new Error(`signing in answered ${signedIn.status}`);
  return cookie;
}
