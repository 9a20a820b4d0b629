import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Macro } from '../../../../shared/domain/knowledge.js';
import { useDeskServices } from '../../services.js';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';

/** Lower-case without accents, so "zgłoszenie" finds "Zgloszenie" and "ēka" finds "eka". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Macros whose name or text has every word typed, those in the agent's language first, then by name.
 * Name matches rank above text-only matches: agents search by the name they remember.
 */
export function searchMacros(macros: readonly Macro[], query: string, locale: string): Macro[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const scored = macros.flatMap((macro) => {
    const title = folded(macro.title);
    const body = folded(macro.body);
    if (!words.every((word) => title.includes(word) || body.includes(word))) return [];
    const inTitle = words.filter((word) => title.includes(word)).length;
    return [{ macro, score: (macro.locale === locale ? 100 : 0) + inTitle }];
  });
  return scored.sort((a, b) => b.score - a.score || a.macro.title.localeCompare(b.macro.title, locale)).map((s) => s.macro);
}

/**
 * Picks a macro with the keyboard: type to search by name and text, arrows to move, Enter to apply,
 * Escape to go back to the text. The list comes from the replica, so it works offline.
 */
export function MacroPicker({ onPick, onClose }: { onPick(macro: Macro): void; onClose(): void }) {
  const { client } = useDeskServices();
  const { t, i18n } = useTranslation('ticket');
  const dialogRef = useModalDialog('input[type="search"]');
  const titleId = useId();
  const listId = useId();
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    let current = true;
    client.call('macros.list', {}).then(
      (list) => current && setMacros(list),
      () => current && setMacros([]),
    );
    return () => {
      current = false;
    };
  }, [client]);

  const found = useMemo(() => searchMacros(macros ?? [], query, i18n.language), [macros, query, i18n.language]);
  const shown = Math.min(active, Math.max(found.length - 1, 0));
  const optionId = (index: number) => `${listId}-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((shown + step + found.length) % Math.max(found.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const macro = found[shown];
      if (macro) onPick(macro);
    }
  }

  return (
    <dialog ref={dialogRef} className="modal-dialog macro-picker" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <DialogHeader id={titleId} title={t('macros.dialogTitle')} closeLabel={t('macros.close')} onClose={onClose} />
      <div className="macro-picker__body-area">
        <input
          type="search"
          className="text-box macro-picker__search"
          role="combobox"
          aria-label={t('macros.search')}
          placeholder={t('macros.search')}
          aria-expanded={found.length > 0}
          aria-controls={listId}
          aria-activedescendant={found.length > 0 ? optionId(shown) : undefined}
          aria-autocomplete="list"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p className="muted macro-picker__count" role="status">
          {macros === null ? t('loading') : query.trim() !== '' && found.length === 0 ? t('macros.none', { query }) : macros.length === 0 ? t('macros.empty') : t('macros.count', { count: found.length })}
        </p>
        <ul id={listId} role="listbox" className="macro-picker__list" aria-label={t('macros.dialogTitle')}>
          {found.map((macro, index) => (
            <li
              key={macro.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === shown}
              className={`macro-picker__option${index === shown ? ' macro-picker__option--active' : ''}`}
              onMouseMove={() => setActive(index)}
              onClick={() => onPick(macro)}
            >
              <span className="macro-picker__title">{macro.title}</span>
              <span className="macro-picker__scope">{macro.ownerId === null ? t('macros.shared') : t('macros.personal')}</span>
              <span className="macro-picker__body">{macro.body}</span>
            </li>
          ))}
        </ul>
        <p className="muted macro-picker__hint">{t('macros.keys')}</p>
      </div>
    </dialog>
  );
}
