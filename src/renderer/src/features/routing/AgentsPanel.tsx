import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, type Channel } from '../../../../shared/domain/ticket.js';
import type { AgentSettings } from '../../../../shared/routing/api.js';
import { useDeskServices } from '../../services.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from '../channels/FailureMessage.js';
import { SectionHeading } from '../channels/SectionHeading.js';
import { ServerDataView } from '../channels/ServerDataView.js';
import { SettingsTableHead } from '../channels/SettingsTableHead.js';
import { useServerData } from '../channels/use-server-data.js';
import { splitList } from './rule-draft.js';

/** Every agent's skills and capacity per channel, with their presence as routing sees it; each row saved on its own. */
export function AgentsPanel() {
  const { t } = useTranslation('routing');
  const { client } = useDeskServices();
  const agents = useServerData('routing-agents', () => client.call('admin.routing.agents', {}));
  const headingId = useId();
  return (
    <section className="channels__section" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('agents.heading')} count={null} />
      <p className="muted">{t('agents.intro')}</p>
      <ServerDataView data={agents}>
        {(list) => (
          <table className="channels__table">
            <SettingsTableHead columns={[t('agents.columns.agent'), t('agents.columns.queues'), t('agents.columns.status'), t('agents.columns.skills'), t('agents.columns.capacity')]} />
            <tbody>
              {list.map((agent) => (
                <AgentRow key={agent.id} agent={agent} />
              ))}
            </tbody>
          </table>
        )}
      </ServerDataView>
    </section>
  );
}

/** A row's inputs belong to the form in its last cell (a form cannot wrap a table row), so Enter saves them. */
function AgentRow({ agent }: { agent: AgentSettings }) {
  const { t } = useTranslation('routing');
  const { t: labels } = useTranslation('labels');
  const { client } = useDeskServices();
  const [skills, setSkills] = useState(agent.skills.join(', '));
  const [capacity, setCapacity] = useState<Record<Channel, string>>(() => Object.fromEntries(channels.map((channel) => [channel, String(agent.capacity[channel])])) as Record<Channel, string>);
  const [saved, setSaved] = useState(false);
  const { busy, failure, run } = useServerAction();
  const formId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    const settings = {
      skills: [...new Set(splitList(skills).map((skill) => skill.toLowerCase()))],
      capacity: Object.fromEntries(channels.map((channel) => [channel, Number(capacity[channel])])) as Record<Channel, number>,
    };
    if (await run(() => client.call('admin.routing.saveAgent', { id: agent.id, settings }))) setSaved(true);
  }

  const edited = () => setSaved(false);
  return (
    <tr data-agent={agent.id}>
      <th scope="row" className="channels__strong">
        {agent.name}
        <div className="muted">{agent.email}</div>
      </th>
      <td>{agent.queueIds.join(', ')}</td>
      <td className="channels__nowrap">
        {t(`status.${agent.effectiveStatus}`)}
        {agent.effectiveStatus !== agent.status && <div className="muted">{t('agents.chosen', { status: t(`status.${agent.status}`) })}</div>}
      </td>
      <td>
        <input
          form={formId}
          aria-label={t('agents.skillsOf', { name: agent.name })}
          value={skills}
          onChange={(event) => {
            setSkills(event.target.value);
            edited();
          }}
        />
      </td>
      <td>
        <div className="routing-capacity">
          {channels.map((channel) => (
            <label key={channel} title={t('agents.capacityOf', { channel: labels(`channel.${channel}`), name: agent.name })}>
              {labels(`channel.${channel}`)}
              <input
                form={formId}
                type="number"
                min={0}
                max={100}
                required
                aria-label={t('agents.capacityOf', { channel: labels(`channel.${channel}`), name: agent.name })}
                value={capacity[channel]}
                onChange={(event) => {
                  setCapacity((current) => ({ ...current, [channel]: event.target.value }));
                  edited();
                }}
              />
            </label>
          ))}
        </div>
      </td>
      <td>
        <form id={formId} className="channels__row-actions" onSubmit={(event) => void save(event)}>
          <button type="submit" className="button button--small" disabled={busy} aria-label={t('agents.saveLabel', { name: agent.name })}>
            {busy ? t('settings.saving') : t('settings.save')}
          </button>
          <span className="channels__ok" role="status">
            {saved ? t('settings.saved') : ''}
          </span>
        </form>
        {failure && <FailureMessage failure={failure} />}
      </td>
    </tr>
  );
}
