import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskOutput } from '../../../../shared/desk-api/contract.js';
import type { IntegrationInfo } from '../../../../shared/admin/integrations.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { ConfirmButton } from './ConfirmButton.js';
import { FailureMessage } from './FailureMessage.js';
import { SecretField } from './SecretField.js';
import { SectionHeading } from './SectionHeading.js';
import { ServerDataView } from './ServerDataView.js';
import { useServerData } from './use-server-data.js';
import { SettingsTableHead } from './SettingsTableHead.js';

type Created = DeskOutput<'admin.integrations.create'>;

/** The tokens monitoring systems and webhook bridges post with: create one (seen once), or revoke it. */
export function IntegrationsPanel() {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const integrations = useServerData('integrations', () => client.call('admin.integrations.list', {}));
  const [created, setCreated] = useState<Created | null>(null);
  // Back from the token to the form: the keyboard goes to its first field, not to the page's start.
  const [backToForm, setBackToForm] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  return (
    <>
      {created ? (
        <CreatedIntegration
          created={created}
          onDone={() => {
            setCreated(null);
            setBackToForm(true);
          }}
        />
      ) : (
        <CreateIntegrationForm
          autoFocus={backToForm}
          onCreated={(integration) => {
            setCreated(integration);
            integrations.reload();
          }}
        />
      )}
      <section className="channels__section" aria-labelledby={headingId}>
        <SectionHeading id={headingId} ref={listHeading} title={t('integrations.heading')} count={integrations.status === 'ready' ? t('integrations.active', { count: integrations.data.filter((i) => !i.revokedAt).length }) : null} />
        <ServerDataView data={integrations}>
          {(items) =>
            items.length === 0 ? (
              <p className="muted">{t('integrations.empty')}</p>
            ) : (
              <IntegrationTable
                items={items}
                onRevoked={() => {
                  integrations.reload();
                  listHeading.current?.focus();
                }}
              />
            )
          }
        </ServerDataView>
      </section>
    </>
  );
}

function CreateIntegrationForm({ autoFocus, onCreated }: { autoFocus: boolean; onCreated(created: Created): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const [name, setName] = useState('');
  const [signed, setSigned] = useState(true);
  const { busy, failure, run } = useServerAction();
  const ids = { heading: useId(), name: useId(), signed: useId(), hint: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await run(() => client.call('admin.integrations.create', { name, signed }));
    if (created) onCreated(created.value);
  }

  return (
    <form className="channels__section channels__form" aria-labelledby={ids.heading} onSubmit={(event) => void submit(event)}>
      <h3 id={ids.heading} className="channels__heading">
        {t('integrations.create.heading')}
      </h3>
      <div className="channels__row">
        <label htmlFor={ids.name}>{t('integrations.create.name')}</label>
        <input id={ids.name} value={name} required maxLength={100} autoFocus={autoFocus} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="channels__check">
        <input id={ids.signed} type="checkbox" checked={signed} aria-describedby={ids.hint} onChange={(event) => setSigned(event.target.checked)} />
        <label htmlFor={ids.signed}>{t('integrations.create.signed')}</label>
      </div>
      <p id={ids.hint} className="channels__hint">
        {t('integrations.create.signedHint')}
      </p>
      <div className="channels__actions">
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
          {t('integrations.create.submit')}
        </button>
      </div>
      {failure && <FailureMessage failure={failure} />}
    </form>
  );
}

/** The token and secret, this once: copy them now, or revoke and create another. */
function CreatedIntegration({ created, onDone }: { created: Created; onDone(): void }) {
  const { t } = useTranslation('channels');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The keyboard (and a screen reader) lands on what was just made, before the warning.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="channels__section created-secret" aria-labelledby={headingId} data-testid="created-integration">
      <h3 id={headingId} className="channels__heading" ref={headingRef} tabIndex={-1}>
        {t('integrations.created.heading', { name: created.name })}
      </h3>
      <p className="created-secret__warning" role="alert">
        {t('integrations.created.warning')}
      </p>
      <SecretField label={t('integrations.created.token')} value={created.token} />
      {created.signingSecret && <SecretField label={t('integrations.created.secret')} value={created.signingSecret} />}
      <div className="channels__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('integrations.created.done')}
        </button>
      </div>
    </section>
  );
}

function IntegrationTable({ items, onRevoked }: { items: readonly IntegrationInfo[]; onRevoked(): void }) {
  const { t } = useTranslation('channels');
  const formatDateTime = useDateTimeFormat();
  return (
    <table className="channels__table">
      <SettingsTableHead columns={[t('integrations.columns.name'), t('integrations.columns.kind'), t('integrations.columns.created'), t('integrations.columns.state')]} />
      <tbody>
        {items.map((integration) => (
          <tr key={integration.id} data-testid="integration-row">
            <td className="channels__strong">{integration.name}</td>
            <td>{integration.signed ? t('integrations.signed') : t('integrations.tokenOnly')}</td>
            <td>{formatDateTime(integration.createdAt)}</td>
            <td>{integration.revokedAt ? <span className="muted">{t('integrations.revokedAt', { time: formatDateTime(integration.revokedAt) })}</span> : <span className="channels__ok">{t('integrations.activeState')}</span>}</td>
            <td className="channels__row-actions">{!integration.revokedAt && <RevokeButton integration={integration} onRevoked={onRevoked} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ integration, onRevoked }: { integration: IntegrationInfo; onRevoked(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const { busy, failure, run } = useServerAction();
  return (
    <>
      <ConfirmButton
        label={t('integrations.revoke')}
        description={t('integrations.revokeLabel', { name: integration.name })}
        question={t('integrations.revokeQuestion', { name: integration.name })}
        confirmLabel={t('integrations.revokeConfirm')}
        busy={busy}
        onConfirm={() => void run(() => client.call('admin.integrations.revoke', { id: integration.id })).then((done) => done && onRevoked())}
      />
      {failure && <FailureMessage failure={failure} />}
    </>
  );
}
