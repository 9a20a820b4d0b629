import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalMacro } from '../../../../shared/desk-api/knowledge-methods.js';
import { mayChangeMacro, maySaveSharedMacros } from '../../../../shared/domain/knowledge.js';
import type { Locale } from '../../../../shared/domain/people.js';
import { priorities, ticketStatuses, type Priority, type TicketStatus } from '../../../../shared/domain/ticket.js';
import { macroPlaceholders, type MacroPlaceholder } from '../../../../shared/macros/render.js';
import { useDeskServices, useSession } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { LocaleOptions } from '../../ui/LocaleOptions.js';
import { useDeskRead } from '../knowledge/use-knowledge.js';
import { contentOf, draftOf, emptyDraft, type DraftProblem, type MacroDraft } from './macro-draft.js';

const placeholderKeys = {
  'ticket.number': 'ticketNumber',
  'ticket.subject': 'ticketSubject',
  'requester.name': 'requesterName',
  'requester.first_name': 'requesterFirstName',
  'agent.name': 'agentName',
  'sla.first_response.due': 'firstResponseDue',
  'sla.resolution.due': 'resolutionDue',
} as const satisfies Record<MacroPlaceholder, string>;

/**
 * One macro's name, text (with the placeholders the composer fills in) and actions. A macro the
 * agent may not change (a shared one, for an agent) is shown read-only with the reason.
 */
export function MacroEditor({ macro, onSaved, onDeleted }: { macro: LocalMacro | null; onSaved(id: string, message: string): void; onDeleted(message: string): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('macros');
  const { t: labels } = useTranslation('labels');
  const user = useSession((state) => state.user);
  const [draft, setDraft] = useState<MacroDraft>(() => (macro ? draftOf(macro) : emptyDraft(user?.locale ?? 'en')));
  const [problem, setProblem] = useState<DraftProblem | { kind: 'failed'; message: string } | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const agents = useDeskRead(() => client.call('agents.list', {}), [], ['agents.changed']).value ?? [];
  const base = useId();
  const field = (name: string) => `${base}-${name}`;
  const editable = user !== null && (macro === null || mayChangeMacro(user, macro));
  const mayShare = user !== null && maySaveSharedMacros(user);
  const change = (patch: Partial<MacroDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function insertPlaceholder(placeholder: MacroPlaceholder) {
    const box = bodyRef.current;
    const token = `{{${placeholder}}}`;
    const start = box?.selectionStart ?? draft.body.length;
    const end = box?.selectionEnd ?? draft.body.length;
    change({ body: `${draft.body.slice(0, start)}${token}${draft.body.slice(end)}` });
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save() {
    const result = contentOf(draft);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    try {
      const { id } = await client.call('macros.save', { ...(macro ? { id: macro.id } : {}), macro: result.content });
      onSaved(id, t('editor.saved'));
    } catch (error) {
      setProblem({ kind: 'failed', message: errorMessage(error) });
    }
  }

  async function remove() {
    if (!macro) return;
    if (!confirmingDelete) {
      setConfirmingDelete(true);
      return;
    }
    try {
      await client.call('macros.delete', { id: macro.id });
      onDeleted(t('editor.deleted'));
    } catch (error) {
      setProblem({ kind: 'failed', message: errorMessage(error) });
    }
  }

  return (
    <form
      className="macro-editor"
      aria-labelledby={field('heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={field('heading')} className="macro-editor__heading">
        {macro === null ? t('editor.newHeading') : editable ? t('editor.heading', { title: macro.title }) : t('editor.readOnlyHeading', { title: macro.title })}
      </h3>
      {!editable && <p className="macro-editor__note">{t('editor.readOnly')}</p>}
      <fieldset className="macro-editor__fields" disabled={!editable}>
        <div className="field">
          <label htmlFor={field('title')}>{t('editor.fieldTitle')}</label>
          <input id={field('title')} className="text-box" required maxLength={120} value={draft.title} onChange={(event) => change({ title: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={field('body')}>{t('editor.fieldBody')}</label>
          <textarea
            id={field('body')}
            ref={bodyRef}
            className="text-box macro-editor__body"
            rows={5}
            value={draft.body}
            aria-describedby={field('placeholders')}
            onChange={(event) => change({ body: event.target.value })}
          />
        </div>
        <div className="macro-editor__placeholders" role="group" aria-labelledby={field('placeholders-label')}>
          <span id={field('placeholders-label')} className="macro-editor__label">
            {t('editor.placeholders')}
          </span>
          <p id={field('placeholders')} className="muted">
            {t('editor.placeholdersHint')}
          </p>
          <ul>
            {macroPlaceholders.map((placeholder) => (
              <li key={placeholder}>
                <button type="button" className="button button--small" onClick={() => insertPlaceholder(placeholder)}>
                  <code>{`{{${placeholder}}}`}</code>
                </button>{' '}
                <span className="muted">{t(`editor.placeholder.${placeholderKeys[placeholder]}`)}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="macro-editor__row">
          <div className="field">
            <label htmlFor={field('locale')}>{t('editor.fieldLocale')}</label>
            <select id={field('locale')} value={draft.locale} onChange={(event) => change({ locale: event.target.value as Locale })}>
              <LocaleOptions />
            </select>
          </div>
          <label className="macro-editor__check">
            <input type="checkbox" checked={draft.shared} disabled={!mayShare} aria-describedby={mayShare ? undefined : field('share-hint')} onChange={(event) => change({ shared: event.target.checked })} />{' '}
            {t('editor.fieldShared')}
          </label>
          {!mayShare && (
            <p id={field('share-hint')} className="muted">
              {t('editor.sharedOnlyLeads')}
            </p>
          )}
        </div>
        <fieldset className="macro-editor__actions-group">
          <legend>{t('editor.actions')}</legend>
          <div className="macro-editor__row">
            <div className="field">
              <label htmlFor={field('status')}>{t('editor.status')}</label>
              <select id={field('status')} value={draft.status} onChange={(event) => change({ status: event.target.value as TicketStatus | '' })}>
                <option value="">{t('editor.noChange')}</option>
                {ticketStatuses.map((status) => (
                  <option key={status} value={status}>
                    {labels(`status.${status}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={field('priority')}>{t('editor.priority')}</label>
              <select id={field('priority')} value={draft.priority} onChange={(event) => change({ priority: event.target.value as Priority | '' })}>
                <option value="">{t('editor.noChange')}</option>
                {priorities.map((priority) => (
                  <option key={priority} value={priority}>
                    {labels(`priority.${priority}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={field('assignee')}>{t('editor.assignee')}</label>
              <select id={field('assignee')} value={draft.assignee} onChange={(event) => change({ assignee: event.target.value })}>
                <option value="">{t('editor.noChange')}</option>
                <option value="me">{t('editor.assignMe')}</option>
                <option value="unassigned">{t('editor.unassigned')}</option>
                {agents.map((agent) => (
                  <option key={agent.id} value={`user:${agent.id}`}>
                    {agent.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="macro-editor__row">
            <div className="field">
              <label htmlFor={field('add-tags')}>{t('editor.addTags')}</label>
              <input id={field('add-tags')} className="text-box" value={draft.addTags} aria-describedby={field('tags-hint')} onChange={(event) => change({ addTags: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={field('remove-tags')}>{t('editor.removeTags')}</label>
              <input id={field('remove-tags')} className="text-box" value={draft.removeTags} aria-describedby={field('tags-hint')} onChange={(event) => change({ removeTags: event.target.value })} />
            </div>
          </div>
          <p id={field('tags-hint')} className="muted">
            {t('editor.tagsHint')}
          </p>
        </fieldset>
      </fieldset>
      {problem && (
        <p className="macro-editor__problem" role="alert">
          {problem.kind === 'invalidTags' ? t('editor.invalidTag', { tags: problem.tags.join(', ') }) : problem.kind === 'empty' ? t('editor.needsText') : t('editor.failed', { message: problem.message })}
        </p>
      )}
      {confirmingDelete && macro && (
        <p className="macro-editor__problem" role="alert">
          {t('editor.confirmDelete', { title: macro.title })}
        </p>
      )}
      {editable && (
        <div className="macro-editor__buttons">
          <button type="submit" className="button button--primary">
            {t('editor.save')}
          </button>
          {macro && (
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              {t('editor.delete')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
