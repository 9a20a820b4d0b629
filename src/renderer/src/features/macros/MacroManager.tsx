import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalMacro } from '../../../../shared/desk-api/knowledge-methods.js';
import { matchesMacro } from '../../../../shared/domain/knowledge.js';
import { useDeskServices } from '../../services.js';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { moveBetweenButtons } from '../knowledge/KnowledgePanel.js';
import { useDeskRead } from '../knowledge/use-knowledge.js';
import { MacroEditor } from './MacroEditor.js';

/** Which macro the editor shows: none yet, a new one, or one of the list. */
type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'macro'; id: string };

/**
 * The macros in a modal dialog: the list (shared and the agent's own, searched by name and text) and
 * the editor beside it. Changes go through the outbox, so this works offline too; a macro waiting to
 * reach the server says so. Escape closes it and the focus goes back to the top bar.
 */
export function MacroManager({ onClose }: { onClose(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('macros');
  const base = useId();
  const headingId = `${base}-heading`;
  const dialogRef = useModalDialog('input[type="search"]');
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [announcement, setAnnouncement] = useState('');
  const read = useDeskRead(() => client.call('macros.list', {}), [], ['knowledge.changed', 'outbox.changed']);
  const macros = read.value ?? [];
  const shown = macros.filter((macro) => matchesMacro(macro, query));
  const selected = selection.kind === 'macro' ? (macros.find((macro) => macro.id === selection.id) ?? null) : null;

  return (
    <dialog ref={dialogRef} className="modal-dialog settings-dialog macro-manager" aria-labelledby={headingId} data-testid="macro-manager" onClose={onClose}>
      <DialogHeader id={headingId} title={t('title')} closeLabel={t('close')} onClose={onClose} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="macro-manager__body">
        <div className="macro-manager__list">
          <div role="search">
            <label htmlFor={`${base}-search`} className="visually-hidden">
              {t('search.label')}
            </label>
            <input id={`${base}-search`} type="search" className="text-box" placeholder={t('search.placeholder')} value={query} onChange={(event) => setQuery(event.target.value)} />
          </div>
          <p className="muted macro-manager__count" role="status">
            {shown.length === 0 && query !== '' ? t('search.none', { query }) : t('search.count', { count: shown.length })}
          </p>
          <button type="button" className="button" onClick={() => setSelection({ kind: 'new' })}>
            {t('list.new')}
          </button>
          <ul className="macro-list" aria-label={t('list.label')} onKeyDown={moveBetweenButtons}>
            {shown.map((macro) => (
              <li key={macro.id}>
                <MacroItem macro={macro} selected={selected?.id === macro.id} onSelect={() => setSelection({ kind: 'macro', id: macro.id })} />
              </li>
            ))}
          </ul>
        </div>
        <div className="macro-manager__editor">
          {selection.kind === 'new' ? (
            <MacroEditor
              key="new"
              macro={null}
              onSaved={(id, message) => {
                setAnnouncement(message);
                setSelection({ kind: 'macro', id });
              }}
              onDeleted={() => undefined}
            />
          ) : selected ? (
            <MacroEditor
              key={`${selected.id}-${selected.updatedAt}`}
              macro={selected}
              onSaved={(_id, message) => setAnnouncement(message)}
              onDeleted={(message) => {
                setAnnouncement(message);
                setSelection({ kind: 'none' });
              }}
            />
          ) : (
            <p className="muted">{t('empty')}</p>
          )}
        </div>
      </div>
    </dialog>
  );
}

function MacroItem({ macro, selected, onSelect }: { macro: LocalMacro; selected: boolean; onSelect(): void }) {
  const { t } = useTranslation('macros');
  return (
    <button type="button" className="macro-list__item choice-item" aria-pressed={selected} lang={macro.locale} onClick={onSelect}>
      <span className="macro-list__title">{macro.title}</span>
      <span className="macro-list__meta muted">
        {macro.ownerId === null ? t('list.shared') : t('list.personal')} · {macro.locale.toUpperCase()}
        {macro.pending && <> · {t('list.pending')}</>}
      </span>
    </button>
  );
}
