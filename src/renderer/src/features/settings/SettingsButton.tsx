import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsDialog } from './SettingsDialog.js';
import './settings.css';

/** Ctrl+, (⌘, on a Mac) opens Settings from anywhere, as in most desktop apps. */
export function isSettingsShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return event.key === ',' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** The top bar's way into the agent's own settings (theme, density, language, time zone, sounds). */
export function SettingsButton() {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSettingsShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      {/* A gear with its name for screen readers and on hover: the top bar has no room for the word in every language. */}
      <button
        type="button"
        className="button top-bar__icon-button"
        data-testid="settings-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+Comma"
        title={`${t('button')} (${t('shortcut')})`}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⚙</span>
        <span className="visually-hidden">{t('button')}</span>
      </button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
