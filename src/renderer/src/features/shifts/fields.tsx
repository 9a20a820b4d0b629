import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../../shared/domain/people.js';
import type { Weekday } from '../../../../shared/sla/calendar-spec.js';
import { weekdayName, weekFromMonday } from './rota-format.js';

/** Every IANA zone the runtime knows, offered while typing one. */
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** A labelled input, select or text field: the label is tied to the control by id. */
export function Field({ label, hint, children }: { label: string; hint?: string; children(props: { id: string; 'aria-describedby'?: string }): ReactNode }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="channels__field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}) })}
      {hint && (
        <p id={hintId} className="channels__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function TimeZoneField({ label, value, onChange }: { label: string; value: string; onChange(zone: string): void }) {
  const listId = useId();
  return (
    <Field label={label}>
      {(props) => (
        <>
          <input {...props} list={listId} required spellCheck={false} value={value} onChange={(event) => onChange(event.target.value.trim())} />
          <datalist id={listId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

export function TierField({ value, onChange }: { value: 1 | 2 | 3; onChange(tier: 1 | 2 | 3): void }) {
  const { t } = useTranslation('shifts');
  return (
    <Field label={t('rotationForm.tier')}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(Number(event.target.value) as 1 | 2 | 3)}>
          {([1, 2, 3] as const).map((tier) => (
            <option key={tier} value={tier}>
              {t('tier', { tier })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Checkboxes in a fieldset: which of the options are chosen. */
export function CheckboxGroup<T extends string>({ legend, options, chosen, onChange }: { legend: string; options: readonly { value: T; label: string }[]; chosen: readonly T[]; onChange(chosen: T[]): void }) {
  return (
    <fieldset className="rota-checks">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="channels__check">
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function WeekdayChecks({ legend, chosen, onChange }: { legend: string; chosen: readonly Weekday[]; onChange(days: Weekday[]): void }) {
  const { i18n } = useTranslation();
  return <CheckboxGroup legend={legend} options={weekFromMonday.map((day) => ({ value: day, label: weekdayName(i18n.language, day, 'long') }))} chosen={chosen} onChange={onChange} />;
}

/** A choice of one option, or of none (the first, empty option: "Choose…" unless named). */
export function ChoiceSelect({ label, options, value, onChange, emptyLabel, required = true }: {
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange(value: string): void;
  emptyLabel?: string;
  required?: boolean;
}) {
  const { t } = useTranslation('shifts');
  return (
    <Field label={label}>
      {(props) => (
        <select {...props} required={required} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{emptyLabel ?? t('choose')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A choice of one of the desk's people. */
export function PersonSelect({ label, people, value, onChange }: { label: string; people: readonly Agent[]; value: string; onChange(id: string): void }) {
  return <ChoiceSelect label={label} options={people.map((person) => ({ value: person.id, label: person.name }))} value={value} onChange={onChange} />;
}
