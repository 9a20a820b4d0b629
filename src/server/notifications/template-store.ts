import type { Transaction } from 'kysely';
import { customerLocales, templateKinds, templatePlaceholders, unknownPlaceholders, type CustomerLocale, type Template, type TemplateKind } from '../../shared/notifications/templates.js';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { defaultTemplates } from './default-templates.js';

type Reader = ServerDb | Transaction<Database>;

export class TemplateError extends Error {}

/** An admin's text where one is saved, else the built-in one. */
export async function templateFor(reader: Reader, kind: TemplateKind, locale: CustomerLocale): Promise<Template> {
  const row = await reader.selectFrom('notification_templates').selectAll().where('kind', '=', kind).where('locale', '=', locale).executeTakeFirst();
  const text = row ?? defaultTemplates[kind][locale];
  return { kind, locale, subject: text.subject, body: text.body, customised: row !== undefined, placeholders: [...templatePlaceholders[kind]], updatedAt: row?.updated_at ?? null };
}

export async function listTemplates(reader: Reader): Promise<Template[]> {
  const all: Template[] = [];
  for (const kind of templateKinds) for (const locale of customerLocales) all.push(await templateFor(reader, kind, locale));
  return all;
}

export async function saveTemplate(db: ServerDb, kind: TemplateKind, locale: CustomerLocale, text: { subject: string; body: string }, userId: string, at: string): Promise<Template> {
  const unknown = unknownPlaceholders(kind, `${text.subject}\n${text.body}`);
  if (unknown.length > 0) throw new TemplateError(`unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(', ')}; ${kind} offers ${templatePlaceholders[kind].map((n) => `{{${n}}}`).join(', ')}`);
  const row = { kind, locale, subject: text.subject, body: text.body, updated_at: at, updated_by: userId };
  await db
    .insertInto('notification_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'locale']).doUpdateSet({ subject: row.subject, body: row.body, updated_at: at, updated_by: userId }))
    .execute();
  return templateFor(db, kind, locale);
}

/** Back to the built-in text. */
export async function resetTemplate(db: ServerDb, kind: TemplateKind, locale: CustomerLocale): Promise<Template> {
  await db.deleteFrom('notification_templates').where('kind', '=', kind).where('locale', '=', locale).execute();
  return templateFor(db, kind, locale);
}
