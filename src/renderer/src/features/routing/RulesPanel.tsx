import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSettings, RoutingRulesReply } from '../../../../shared/routing/api.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from '../channels/FailureMessage.js';
import { SectionHeading } from '../channels/SectionHeading.js';
import { ServerDataView } from '../channels/ServerDataView.js';
import { useServerData } from '../channels/use-server-data.js';
import { RuleCard } from './RuleCard.js';
import { freshRuleId, fromDraft, toDraft, type RuleDraft } from './rule-draft.js';
import { QueueOptions } from './QueueOptions.js';

/** The routing rules, read from the server with the queues they can send tickets to. */
export function RulesPanel() {
  const { client } = useDeskServices();
  const rules = useServerData('routing-rules', () => client.call('admin.routing.rules', {}));
  const queues = useServerData('routing-queues', () => client.call('admin.routing.queues', {}));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <ServerDataView data={rules}>
      {(stored) => (
        <ServerDataView data={queues}>
          {(list) => (
            <RulesEditor
              key={stored.version}
              stored={stored}
              queues={list}
              justSaved={savedVersion === stored.version}
              onSaved={(version) => {
                setSavedVersion(version);
                rules.reload();
              }}
              reload={rules.reload}
            />
          )}
        </ServerDataView>
      )}
    </ServerDataView>
  );
}

/** A save refused because someone saved another version first; the server names `baseVersion`. */
const isConflict = (message: string) => message.startsWith('body.baseVersion');

/**
 * The rules as an ordered list of cards, edited in place and saved together as a new version with a
 * reason. Saving says which version it edited, so another admin's save in between is refused and the
 * edits stay on screen until this admin chooses to reload.
 */
function RulesEditor({
  stored,
  queues,
  justSaved,
  onSaved,
  reload,
}: {
  stored: RoutingRulesReply;
  queues: readonly QueueSettings[];
  /** The admin has just saved this version (the editor starts again from it). */
  justSaved: boolean;
  onSaved(version: number): void;
  reload(): void;
}) {
  const { t } = useTranslation('routing');
  const { client } = useDeskServices();
  const formatDateTime = useDateTimeFormat();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => stored.document.rules.map((rule, index) => toDraft(rule, `stored-${index}`)));
  const [defaultQueueId, setDefaultQueueId] = useState(stored.document.defaultQueueId);
  const [reason, setReason] = useState('');
  const [dirty, setDirty] = useState(false);
  const { busy, failure, run } = useServerAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const reasonId = useId();
  const defaultId = useId();

  function edit(change: (current: RuleDraft[]) => RuleDraft[]) {
    setDrafts(change);
    setDirty(true);
  }

  function move(index: number, by: -1 | 1) {
    edit((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });
  }

  function add() {
    edit((current) => [...current, { key: crypto.randomUUID(), id: freshRuleId(current), name: t('rules.newName'), queueId: defaultQueueId, skills: '', channel: [], type: [], priority: [], customerTier: [], organisation: '', keywords: '' }]);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await run(() => client.call('admin.routing.saveRules', { document: { rules: drafts.map(fromDraft), defaultQueueId }, reason, baseVersion: stored.version }));
    if (saved) onSaved(saved.value.version);
  }

  const conflict = failure?.kind === 'failed' && isConflict(failure.message);
  return (
    <section className="channels__section" aria-labelledby={headingId}>
      <div className="channels__toolbar">
        <SectionHeading id={headingId} ref={headingRef} title={t('rules.heading')} count={t('rules.count', { count: drafts.length })} />
        <button type="button" className="button button--small" onClick={add}>
          {t('rules.add')}
        </button>
      </div>
      <p className="muted">{t('rules.intro')}</p>
      <p className="muted" data-testid="routing-rules-version">
        {stored.version === 0 ? t('rules.builtIn') : t('rules.version', { version: stored.version, time: formatDateTime(stored.createdAt!), reason: stored.reason })}
      </p>
      <div className="channels__field">
        <label htmlFor={defaultId}>{t('rules.defaultQueue')}</label>
        <select
          id={defaultId}
          value={defaultQueueId}
          onChange={(event) => {
            setDefaultQueueId(event.target.value);
            setDirty(true);
          }}
        >
          <QueueOptions queues={queues} />
        </select>
      </div>
      {drafts.length === 0 ? (
        <p className="muted">{t('rules.empty')}</p>
      ) : (
        <ol className="routing-rules">
          {drafts.map((draft, index) => (
            <li key={draft.key}>
              <RuleCard
                draft={draft}
                index={index}
                last={index === drafts.length - 1}
                queues={queues}
                onChange={(changed) => edit((current) => current.map((candidate) => (candidate.key === draft.key ? changed : candidate)))}
                onMove={(by) => move(index, by)}
                onRemove={() => {
                  edit((current) => current.filter((candidate) => candidate.key !== draft.key));
                  headingRef.current?.focus();
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <form className="routing-save" onSubmit={(event) => void save(event)}>
        <div className="channels__field">
          <label htmlFor={reasonId}>{t('rules.reason')}</label>
          <input id={reasonId} value={reason} required onChange={(event) => setReason(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('settings.saving') : t('rules.saveRules')}
        </button>
        {dirty && !busy && <span className="muted">{t('rules.unsaved')}</span>}
      </form>
      {justSaved && (
        <p className="channels__ok" role="status">
          {t('rules.savedVersion', { version: stored.version })}
        </p>
      )}
      {conflict ? (
        <div className="channels__message" role="alert">
          <p className="channels__error">{t('rules.conflict')}</p>
          <button type="button" className="button button--small" onClick={reload}>
            {t('rules.reload')}
          </button>
        </div>
      ) : (
        failure && <FailureMessage failure={failure} />
      )}
    </section>
  );
}
