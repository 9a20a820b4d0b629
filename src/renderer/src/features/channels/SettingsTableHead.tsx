import { useTranslation } from 'react-i18next';

/**
 * The head of a settings table: one column header per label, and a last column for the row's
 * buttons whose name only screen readers need.
 */
export function SettingsTableHead({ columns, withActions = true }: { columns: readonly string[]; withActions?: boolean }) {
  const { t } = useTranslation('channels');
  return (
    <thead>
      <tr>
        {columns.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {withActions && (
          <th scope="col">
            <span className="visually-hidden">{t('columns.actions')}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
