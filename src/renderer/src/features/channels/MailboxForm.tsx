import { useId, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailboxPatchBody } from '../../../../shared/admin/mailboxes.js';
import { useDeskServices, useQueue } from '../../services.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from './FailureMessage.js';

interface Fields {
  name: string;
  host: string;
  port: string;
  secure: boolean;
  username: string;
  password: string;
  folder: string;
  queueId: string;
  enabled: boolean;
}

const fieldsOf = (mailbox: Mailbox | null, queueId: string): Fields =>
  mailbox
    ? { name: mailbox.name, host: mailbox.host, port: String(mailbox.port), secure: mailbox.secure, username: mailbox.username, password: '', folder: mailbox.folder, queueId: mailbox.queueId, enabled: mailbox.enabled }
    : { name: '', host: '', port: '993', secure: true, username: '', password: '', folder: 'INBOX', queueId, enabled: true };

/** Only what the admin changed; an empty password keeps the stored one. */
function changesOf(mailbox: Mailbox, fields: Fields): MailboxPatchBody {
  const changes: MailboxPatchBody = {};
  for (const key of ['name', 'host', 'secure', 'username', 'folder', 'queueId', 'enabled'] as const) {
    if (fields[key] !== mailbox[key]) Object.assign(changes, { [key]: fields[key] });
  }
  if (Number(fields.port) !== mailbox.port) changes.port = Number(fields.port);
  if (fields.password !== '') changes.password = fields.password;
  return changes;
}

/**
 * Adds a mailbox, or changes one (`mailbox`). The password goes in and never comes back, so editing
 * shows it empty: left empty, the stored one stays. The server and the DeskApi gate judge the values;
 * what they refuse is named under the form.
 */
export function MailboxForm({ mailbox, onSaved, onCancel }: { mailbox: Mailbox | null; onSaved(): void; onCancel(): void }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('channels');
  const queues = useQueue((state) => state.queues);
  const [fields, setFields] = useState(() => fieldsOf(mailbox, queues[0]?.id ?? 'general'));
  const { busy, failure, run } = useServerAction();
  const base = useId();
  const idOf = (name: keyof Fields) => `${base}-${name}`;
  const changes = mailbox ? changesOf(mailbox, fields) : null;

  const update = (change: Partial<Fields>) => setFields((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { port, ...rest } = fields;
    const saved = mailbox
      ? await run(() => client.call('admin.mailboxes.update', { id: mailbox.id, changes: changes! }))
      : await run(() => client.call('admin.mailboxes.create', { ...rest, port: Number(port) }));
    if (saved) onSaved();
  }

  const text = (name: 'name' | 'host' | 'username' | 'folder', control: ComponentProps<'input'> = {}) =>
    field(name, <input id={idOf(name)} value={fields[name]} required onChange={(event) => update({ [name]: event.target.value })} {...control} />);

  function field(name: keyof Fields, control: ReactNode, hint?: string) {
    return (
      <div className={`channels__field mailbox-form__${name}`}>
        <label htmlFor={idOf(name)}>{t(`mailboxes.fields.${name}`)}</label>
        {control}
        {hint && (
          <span id={`${idOf(name)}-hint`} className="channels__hint">
            {hint}
          </span>
        )}
      </div>
    );
  }

  return (
    <form className="channels__form mailbox-form" aria-label={mailbox ? t('mailboxes.editTitle', { name: mailbox.name }) : t('mailboxes.addTitle')} onSubmit={(event) => void submit(event)}>
      <div className="mailbox-form__grid">
        {text('name', { maxLength: 100, autoFocus: true })}
        {text('host', { maxLength: 255, spellCheck: false, placeholder: 'imap.example.com' })}
        {field('port', <input id={idOf('port')} type="number" min={1} max={65535} required value={fields.port} onChange={(event) => update({ port: event.target.value })} />)}
        {text('username', { maxLength: 320, spellCheck: false, autoComplete: 'off' })}
        {field(
          'password',
          <input
            id={idOf('password')}
            type="password"
            autoComplete="new-password"
            required={!mailbox}
            maxLength={1000}
            value={fields.password}
            aria-describedby={mailbox ? `${idOf('password')}-hint` : undefined}
            onChange={(event) => update({ password: event.target.value })}
          />,
          mailbox ? t('mailboxes.passwordKept') : undefined,
        )}
        {text('folder', { maxLength: 200 })}
        {field(
          'queueId',
          <select id={idOf('queueId')} value={fields.queueId} aria-describedby={`${idOf('queueId')}-hint`} onChange={(event) => update({ queueId: event.target.value })}>
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>,
          t('mailboxes.queueHint'),
        )}
        <div className="mailbox-form__checks">
          <div className="channels__check">
            <input id={idOf('secure')} type="checkbox" checked={fields.secure} onChange={(event) => update({ secure: event.target.checked })} />
            <label htmlFor={idOf('secure')}>{t('mailboxes.fields.secure')}</label>
          </div>
          <div className="channels__check">
            <input id={idOf('enabled')} type="checkbox" checked={fields.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
            <label htmlFor={idOf('enabled')}>{t('mailboxes.fields.enabled')}</label>
          </div>
        </div>
      </div>
      <div className="channels__actions">
        <button type="submit" className="button button--primary" disabled={busy || (changes !== null && Object.keys(changes).length === 0)}>
          {mailbox ? t('mailboxes.save') : t('mailboxes.add')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {failure && <FailureMessage failure={failure} />}
    </form>
  );
}
