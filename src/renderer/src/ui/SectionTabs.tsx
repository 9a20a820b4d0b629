import type { KeyboardEvent } from 'react';

export const tabId = (base: string, section: string) => `${base}-tab-${section}`;
export const panelId = (base: string, section: string) => `${base}-panel-${section}`;

/**
 * A settings dialog's sections as ARIA tabs: one tab stop, arrows (and Home/End) move between them
 * and show the one they land on, Tab goes on into its panel.
 */
export function SectionTabs<S extends string>({
  base,
  sections,
  value,
  label,
  labelOf,
  onChange,
}: {
  base: string;
  sections: readonly S[];
  value: S;
  /** The tab list's accessible name. */
  label: string;
  labelOf(section: S): string;
  onChange(section: S): void;
}) {
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
    <div className="section-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {sections.map((section) => (
        <button
          key={section}
          id={tabId(base, section)}
          type="button"
          role="tab"
          className="section-tabs__tab"
          aria-selected={section === value}
          // Only the shown panel exists to point to.
          aria-controls={section === value ? panelId(base, section) : undefined}
          tabIndex={section === value ? 0 : -1}
          onClick={() => onChange(section)}
        >
          {labelOf(section)}
        </button>
      ))}
    </div>
  );
}
