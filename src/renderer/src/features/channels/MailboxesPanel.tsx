import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailboxPollReply } from '../../../../shared/admin/mailboxes.js';
import { useDeskServices, useQueue } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { ConfirmButton } from './ConfirmButton.js';
import { FailureMessage } from './FailureMessage.js';
import { MailboxForm } from './MailboxForm.js';
import { SectionHeading } from './SectionHeading.js';
import { ServerDataView } from './ServerDataView.js';
import { useServerData } from './use-server-data.js';
import { SettingsTableHead } from './SettingsTableHead.js';

/** Which form is open: none, a new mailbox, or a change to one. */
type Editing = null | 'new' | Mailbox;

/** The IMAP mailboxes the desk reads: when each was last read and why that failed, read one now, change or remove it. */
export function MailboxesPanel() {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const mailboxes = useServerData('mailboxes', () => client.call('admin.mailboxes.list', {}));
  const [editing, setEditing] = useState<Editing>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  function closeForm() {
    setEditing(null);
    // The form is gone: the keyboard goes back to the list it belongs to.
    requestAnimationFrame(() => (editing === 'new' ? addRef.current : headingRef.current)?.focus());
  }

  return (
    <section className="channels__section" aria-labelledby={headingId}>
      <div className="channels__toolbar">
        <SectionHeading id={headingId} ref={headingRef} title={t('mailboxes.heading')} count={mailboxes.status === 'ready' ? t('mailboxes.count', { count: mailboxes.data.length }) : null} />
        {editing === null && (
          <button ref={addRef} type="button" className="button button--small" onClick={() => setEditing('new')}>
            {t('mailboxes.addTitle')}
          </button>
        )}
      </div>
      {editing !== null && (
        <MailboxForm
          key={editing === 'new' ? 'new' : editing.id}
          mailbox={editing === 'new' ? null : editing}
          onCancel={closeForm}
          onSaved={() => {
            mailboxes.reload();
            closeForm();
          }}
        />
      )}
      <ServerDataView data={mailboxes}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('mailboxes.empty')}</p>
          ) : (
            <MailboxTable
              items={items}
              onEdit={setEditing}
              onChanged={mailboxes.reload}
              onRemoved={() => {
                mailboxes.reload();
                headingRef.current?.focus();
              }}
            />
          )
        }
      </ServerDataView>
    </section>
  );
}

function MailboxTable({ items, onEdit, onChanged, onRemoved }: { items: readonly Mailbox[]; onEdit(mailbox: Mailbox): void; onChanged(): void; onRemoved(): void }) {
  const { t } = useTranslation('channels');
  const queues = useQueue((state) => state.queues);
  const formatDateTime = useDateTimeFormat();
  return (
    <table className="channels__table">
      <SettingsTableHead columns={[t('mailboxes.columns.name'), t('mailboxes.columns.server'), t('mailboxes.columns.queue'), t('mailboxes.columns.lastRead')]} />
      <tbody>
        {items.map((mailbox) => (
          <tr key={mailbox.id} data-testid="mailbox-row">
            <td>
              <span className="channels__strong">{mailbox.name}</span>
              <span className="channels__note">{mailbox.enabled ? t('mailboxes.enabled') : t('mailboxes.paused')}</span>
            </td>
            <td className="channels__address">
              {mailbox.host}:{mailbox.port} {mailbox.secure ? t('mailboxes.tls') : t('mailboxes.starttls')}
              <span className="channels__note">
                {mailbox.username} · {mailbox.folder}
              </span>
            </td>
            <td>{queues.find((queue) => queue.id === mailbox.queueId)?.name ?? mailbox.queueId}</td>
            <td className="channels__reason">
              {mailbox.lastPolledAt ? formatDateTime(mailbox.lastPolledAt) : <span className="muted">{t('mailboxes.neverRead')}</span>}
              {mailbox.lastError && <span className="channels__error-text">{mailbox.lastError}</span>}
            </td>
            <td className="channels__row-actions">
              <MailboxActions mailbox={mailbox} onEdit={() => onEdit(mailbox)} onChanged={onChanged} onRemoved={onRemoved} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MailboxActions({ mailbox, onEdit, onChanged, onRemoved }: { mailbox: Mailbox; onEdit(): void; onChanged(): void; onRemoved(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const { busy, failure, run } = useServerAction();
  const [polled, setPolled] = useState<MailboxPollReply | null>(null);
  const { id, name } = mailbox;

  async function poll() {
    setPolled(null);
    const reply = await run(() => client.call('admin.mailboxes.poll', { id }));
    if (!reply) return;
    setPolled(reply.value);
    onChanged();
  }

  return (
    <>
      <button type="button" className="button button--small" aria-label={t('mailboxes.pollLabel', { name })} disabled={busy} onClick={() => void poll()}>
        {t('mailboxes.poll')}
      </button>
      <button type="button" className="button button--small" aria-label={t('mailboxes.editLabel', { name })} onClick={onEdit}>
        {t('mailboxes.edit')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={t(mailbox.enabled ? 'mailboxes.pauseLabel' : 'mailboxes.resumeLabel', { name })}
        disabled={busy}
        onClick={() => void run(() => client.call('admin.mailboxes.update', { id, changes: { enabled: !mailbox.enabled } })).then((done) => done && onChanged())}
      >
        {mailbox.enabled ? t('mailboxes.pause') : t('mailboxes.resume')}
      </button>
      <ConfirmButton
        label={t('mailboxes.remove')}
        description={t('mailboxes.removeLabel', { name })}
        question={t('mailboxes.removeQuestion', { name })}
        confirmLabel={t('mailboxes.removeConfirm')}
        busy={busy}
        onConfirm={() => void run(() => client.call('admin.mailboxes.remove', { id })).then((done) => done && onRemoved())}
      />
      <span className="channels__poll" role="status">
        {polled && (polled.error ? t('mailboxes.pollFailed', { error: polled.error }) : t('mailboxes.polled', { count: polled.fetched, created: polled.created, joined: polled.joined, duplicates: polled.duplicates, quarantined: polled.quarantined }))}
      </span>
      {failure && <FailureMessage failure={failure} />}
    </>
  );
}
