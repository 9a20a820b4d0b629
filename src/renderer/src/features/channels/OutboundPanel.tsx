import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskOutput } from '../../../../shared/desk-api/contract.js';
import { ChannelSchema } from '../../../../shared/domain/ticket.js';
import { TemplateKindSchema } from '../../../../shared/notifications/templates.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { SectionHeading } from './SectionHeading.js';
import { ServerDataView } from './ServerDataView.js';
import { useServerData } from './use-server-data.js';
import { SettingsTableHead } from './SettingsTableHead.js';

const filters = ['all', 'queued', 'sent', 'failed'] as const;
type Filter = (typeof filters)[number];
type OutboundItem = DeskOutput<'admin.outbound.list'>[number];

/** What the desk sent customers, or still tries to: a relay refusing mail shows here, not in silence. */
export function OutboundPanel() {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const [filter, setFilter] = useState<Filter>('all');
  const items = useServerData(`outbound:${filter}`, () => client.call('admin.outbound.list', filter === 'all' ? {} : { status: filter }));
  const ids = { heading: useId(), filter: useId() };

  return (
    <section className="channels__section" aria-labelledby={ids.heading}>
      <div className="channels__toolbar">
        <SectionHeading id={ids.heading} title={t('outbound.heading')} count={items.status === 'ready' ? t('outbound.count', { count: items.data.length }) : null} />
        <div className="channels__row">
          <label htmlFor={ids.filter}>{t('outbound.show')}</label>
          <select id={ids.filter} value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
            {filters.map((option) => (
              <option key={option} value={option}>
                {t(`outbound.filters.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--small" onClick={items.reload}>
          {t('refresh')}
        </button>
      </div>
      <ServerDataView data={items}>{(list) => (list.length === 0 ? <p className="muted">{t('outbound.empty')}</p> : <OutboundTable items={list} />)}</ServerDataView>
    </section>
  );
}

function OutboundTable({ items }: { items: readonly OutboundItem[] }) {
  const { t } = useTranslation(['channels', 'labels']);
  const formatDateTime = useDateTimeFormat();
  // Named in words where the console knows the name; anything newer shows as the server says it.
  const kindName = (kind: string) => {
    const known = TemplateKindSchema.safeParse(kind);
    return known.success ? t(`templates.kinds.${known.data}`) : kind;
  };
  const channelName = (channel: string) => {
    const known = ChannelSchema.safeParse(channel);
    return known.success ? t(`labels:channel.${known.data}`) : channel;
  };
  return (
    <table className="channels__table">
      <SettingsTableHead columns={[t('outbound.columns.created'), t('outbound.columns.to'), t('outbound.columns.subject'), t('outbound.columns.status'), t('outbound.columns.attempts'), t('outbound.columns.detail')]} withActions={false} />
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="outbound-row" data-status={item.status}>
            <td className="channels__nowrap">{formatDateTime(item.createdAt)}</td>
            <td className="channels__address">
              {item.to}
              <span className="channels__note">{channelName(item.channel)}</span>
            </td>
            <td>
              {item.subject}
              <span className="channels__note">{kindName(item.kind)}</span>
            </td>
            <td>
              <span className={`delivery delivery--${item.status}`}>{t(`outbound.status.${item.status}`)}</span>
            </td>
            <td className="channels__number">{item.attempts}</td>
            <td className="channels__reason">
              {item.status === 'sent' && item.sentAt
                ? t('outbound.sentAt', { time: formatDateTime(item.sentAt) })
                : item.status === 'queued'
                  ? t('outbound.nextAttempt', { time: formatDateTime(item.nextAttemptAt) })
                  : null}
              {item.lastError && <span className="channels__error-text">{item.lastError}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
