import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const sections = ['integrations', 'templates', 'quarantine', 'outbound', 'mailboxes'] as const;
export type Section = (typeof sections)[number];

export const tabId = (base: string, section: Section) => `${base}-tab-${section}`;
export const panelId = (base: string, section: Section) => `${base}-panel-${section}`;

/**
 * The settings' sections as ARIA tabs: one tab stop, arrows (and Home/End) move between them and
 * show the one they land on, Tab goes on into its panel.
 */
export function SectionTabs({ base, value, onChange }: { base: string; value: Section; onChange(section: Section): void }) {
  const { t } = useTranslation('channels');

  function onKeyDown(event: KeyboardEvent) {
    const index = sections.indexOf(value);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: sections.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const section = sections[(next + sections.length) % sections.length]!;
    onChange(section);
    document.getElementById(tabId(base, section))?.focus();
  }

  return (
    <div className="channels-tabs" role="tablist" aria-label={t('sections.label')} onKeyDown={onKeyDown}>
      {sections.map((section) => (
        <button
          key={section}
          id={tabId(base, section)}
          type="button"
          role="tab"
          className="channels-tabs__tab"
          aria-selected={section === value}
          // Only the shown panel exists to point to.
          aria-controls={section === value ? panelId(base, section) : undefined}
          tabIndex={section === value ? 0 : -1}
          onClick={() => onChange(section)}
        >
          {t(`sections.${section}`)}
        </button>
      ))}
    </div>
  );
}
