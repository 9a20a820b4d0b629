import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionHeading } from '../channels/SectionHeading.js';
import { SettingsTableHead } from '../channels/SettingsTableHead.js';
import { RemoveButton } from './RemoveButton.js';

/**
 * A list of rotations an admin edits: a table with Edit and Remove on every row, and a New button;
 * editing or creating replaces the table with the form, and leaving the form brings the keyboard back
 * to the list's heading.
 */
export function EditableList<T extends { id: string; name: string }>({
  title,
  count,
  empty,
  newLabel,
  columns,
  items,
  cells,
  remove,
  form,
}: {
  title: string;
  count(n: number): string;
  empty: string;
  newLabel: string;
  columns: readonly string[];
  items: readonly T[];
  /** The row's cells before its buttons. */
  cells(item: T): ReactNode;
  remove(item: T): Promise<unknown>;
  form(initial: T | null, done: () => void): ReactNode;
}) {
  const { t } = useTranslation('shifts');
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const wasEditing = useRef(false);
  // Back from the form (or from a removed row's button): the keyboard goes to the list's heading.
  useEffect(() => {
    if (editing === null && wasEditing.current) headingRef.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  function back(message: string) {
    setEditing(null);
    setAnnouncement(message);
  }

  if (editing !== null) return form(editing === 'new' ? null : editing, () => back(''));
  return (
    <section className="channels__section" aria-labelledby={headingId}>
      <div className="channels__toolbar">
        <SectionHeading id={headingId} ref={headingRef} title={title} count={count(items.length)} />
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          {newLabel}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="channels__table">
          <SettingsTableHead columns={columns} />
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="rotation-row">
                {cells(item)}
                <td className="channels__row-actions">
                  <button type="button" className="button button--small" aria-label={t('actions.editLabel', { name: item.name })} onClick={() => setEditing(item)}>
                    {t('actions.edit')}
                  </button>
                  <RemoveButton
                    label={t('actions.remove')}
                    description={t('actions.removeLabel', { name: item.name })}
                    question={t('actions.removeQuestion', { name: item.name })}
                    confirmLabel={t('actions.remove')}
                    remove={() => remove(item)}
                    onRemoved={() => {
                      setAnnouncement(t('actions.removed'));
                      headingRef.current?.focus();
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
