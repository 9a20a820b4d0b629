import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantinedItem } from '../../../../shared/admin/quarantine.js';
import { useDeskServices } from '../../services.js';
import { DownloadButton } from '../../ui/DownloadButton.js';
import { formatFileSize } from '../../ui/files.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from './FailureMessage.js';
import { SectionHeading } from './SectionHeading.js';
import { ServerDataView } from './ServerDataView.js';
import { useServerData } from './use-server-data.js';
import { SettingsTableHead } from './SettingsTableHead.js';

const states = ['open', 'resolved', 'all'] as const;
type State = (typeof states)[number];

/** What a channel received but could not take in: why, the original to look at, and "dealt with". */
export function QuarantinePanel() {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const [state, setState] = useState<State>('open');
  const items = useServerData(`quarantine:${state}`, () => client.call('admin.quarantine.list', { state }));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { heading: useId(), filter: useId() };

  return (
    <section className="channels__section" aria-labelledby={ids.heading}>
      <div className="channels__toolbar">
        <SectionHeading id={ids.heading} ref={headingRef} title={t('quarantine.heading')} count={items.status === 'ready' ? t('quarantine.count', { count: items.data.length }) : null} />
        <div className="channels__row">
          <label htmlFor={ids.filter}>{t('quarantine.show')}</label>
          <select id={ids.filter} value={state} onChange={(event) => setState(event.target.value as State)}>
            {states.map((option) => (
              <option key={option} value={option}>
                {t(`quarantine.states.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="channels__hint">{t('quarantine.hint')}</p>
      <ServerDataView data={items}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t(`quarantine.empty.${state}`)}</p>
          ) : (
            <QuarantineTable
              items={list}
              onResolved={() => {
                items.reload();
                headingRef.current?.focus();
              }}
            />
          )
        }
      </ServerDataView>
    </section>
  );
}

function QuarantineTable({ items, onResolved }: { items: readonly QuarantinedItem[]; onResolved(): void }) {
  const { t, i18n } = useTranslation('channels');
  const formatDateTime = useDateTimeFormat();
  return (
    <table className="channels__table">
      <SettingsTableHead columns={[t('quarantine.columns.received'), t('quarantine.columns.source'), t('quarantine.columns.reason'), t('quarantine.columns.size')]} />
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="quarantine-row">
            <td className="channels__nowrap">{formatDateTime(item.receivedAt)}</td>
            <td className="channels__strong">{item.source}</td>
            <td className="channels__reason">
              {item.reason}
              {item.resolvedAt && <span className="channels__note">{t('quarantine.resolvedBy', { name: item.resolvedBy ?? '?', time: formatDateTime(item.resolvedAt) })}</span>}
            </td>
            <td className="channels__nowrap">{formatFileSize(item.size, i18n.language)}</td>
            <td className="channels__row-actions">
              <QuarantineActions item={item} onResolved={onResolved} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuarantineActions({ item, onResolved }: { item: QuarantinedItem; onResolved(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const { busy, failure, run } = useServerAction();
  return (
    <>
      <DownloadButton
        fetchFile={() => client.call('admin.quarantine.original', { id: item.id })}
        label={t('quarantine.original')}
        description={t('quarantine.originalLabel', { source: item.source })}
        offlineMessage={t('offline')}
      />
      {!item.resolvedAt && (
        <button
          type="button"
          className="button button--small"
          aria-label={t('quarantine.resolveLabel', { source: item.source })}
          disabled={busy}
          onClick={() => void run(() => client.call('admin.quarantine.resolve', { id: item.id })).then((done) => done && onResolved())}
        >
          {t('quarantine.resolve')}
        </button>
      )}
      {failure && <FailureMessage failure={failure} />}
    </>
  );
}
