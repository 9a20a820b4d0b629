import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredRemoteSettings } from '../../../../shared/remote/settings.js';
import { useDeskServices } from '../../services.js';
import { useDateTimeFormat } from '../../ui/format.js';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { panelId, SectionTabs, tabId } from '../../ui/SectionTabs.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from '../channels/FailureMessage.js';
import { SectionHeading } from '../channels/SectionHeading.js';
import { ServerDataView } from '../channels/ServerDataView.js';
import { useServerData } from '../channels/use-server-data.js';
import { allowlistProblems, fromDraft, toDraft, toolProblems, tryHost, type RemoteDraft, type ToolDraft } from './remote-draft.js';

const sections = ['tools', 'allowlist'] as const;
type Section = (typeof sections)[number];

/**
 * The admins' remote tools and allowlist in a modal dialog, as the routing settings are: read from
 * the server, edited on two tabs and saved together as one new version that names the version it
 * edited (another admin's save meanwhile is refused, and the edits stay). Escape closes it.
 */
export function RemoteSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('remote');
  const { client } = useDeskServices();
  const base = useId();
  const headingId = `${base}-heading`;
  const dialogRef = useModalDialog('[role="tab"][aria-selected="true"]');
  const settings = useServerData('remote-settings', () => client.call('admin.remote.settings', {}));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [section, setSection] = useState<Section>('tools');

  return (
    <dialog ref={dialogRef} className="modal-dialog settings-dialog remote-settings" aria-labelledby={headingId} data-testid="remote-settings" onClose={onClose}>
      <DialogHeader id={headingId} title={t('settings.title')} closeLabel={t('settings.close')} onClose={onClose} />
      <SectionTabs<Section> base={base} sections={sections} value={section} label={t('settings.sections.label')} labelOf={(s) => t(`settings.sections.${s}`)} onChange={setSection} />
      <div className="settings-dialog__panel" role="tabpanel" id={panelId(base, section)} aria-labelledby={tabId(base, section)}>
        <ServerDataView data={settings}>
          {(stored) => (
            <SettingsEditor
              key={stored.version}
              section={section}
              stored={stored}
              justSaved={savedVersion === stored.version}
              onSaved={(version) => {
                setSavedVersion(version);
                settings.reload();
              }}
              reload={settings.reload}
            />
          )}
        </ServerDataView>
      </div>
    </dialog>
  );
}

/** A refused save because someone saved another version first; the server names `baseVersion`. */
const isConflict = (message: string) => message.startsWith('body.baseVersion');

/** Both tabs edit one draft, kept while the admin moves between them, and saved together. */
function SettingsEditor({ section, stored, justSaved, onSaved, reload }: { section: Section; stored: StoredRemoteSettings; justSaved: boolean; onSaved(version: number): void; reload(): void }) {
  const { t } = useTranslation('remote');
  const { client } = useDeskServices();
  const formatDateTime = useDateTimeFormat();
  const [draft, setDraft] = useState<RemoteDraft>(() => toDraft(stored.document));
  const [dirty, setDirty] = useState(false);
  const { busy, failure, run } = useServerAction();
  const edit = (change: (current: RemoteDraft) => RemoteDraft) => {
    setDraft(change);
    setDirty(true);
  };
  const blocked = draft.tools.some((tool) => toolProblems(tool).length > 0) || allowlistProblems(draft).length > 0;

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await run(() => client.call('admin.remote.saveSettings', { baseVersion: stored.version, settings: fromDraft(draft) }));
    if (saved) onSaved(saved.value.version);
  }

  const conflict = failure?.kind === 'failed' && isConflict(failure.message);
  return (
    <>
        <p className="muted remote-settings__meta" data-testid="remote-settings-version">
          {stored.version === 0 ? t('settings.builtIn') : t('settings.version', { version: stored.version, time: formatDateTime(stored.updatedAt!) })}
        </p>
        {section === 'tools' ? <ToolsPanel tools={draft.tools} onChange={(tools) => edit((current) => ({ ...current, tools }))} /> : <AllowlistPanel draft={draft} onChange={(lists) => edit((current) => ({ ...current, ...lists }))} />}
        <form className="channels__actions remote-settings__save" onSubmit={(event) => void save(event)}>
          <button type="submit" className="button button--primary" disabled={busy || blocked}>
            {busy ? t('settings.saving') : t('settings.save')}
          </button>
          {dirty && !busy && <span className="muted">{t('settings.unsaved')}</span>}
        </form>
        {justSaved && (
          <p className="channels__ok" role="status">
            {t('settings.saved', { version: stored.version })}
          </p>
        )}
        {conflict ? (
          <div className="channels__message" role="alert">
            <p className="channels__error">{t('settings.conflict')}</p>
            <button type="button" className="button button--small" onClick={reload}>
              {t('settings.reload')}
            </button>
          </div>
        ) : (
          failure && <FailureMessage failure={failure} />
        )}
    </>
  );
}

function ToolsPanel({ tools, onChange }: { tools: ToolDraft[]; onChange(tools: ToolDraft[]): void }) {
  const { t } = useTranslation('remote');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A tool just added takes the keyboard at its name, as the admin will type one next.
  const [addedKey, setAddedKey] = useState<string | null>(null);
  const add = () => {
    const taken = new Set(tools.map((tool) => tool.id));
    let n = tools.length + 1;
    while (taken.has(`tool-${n}`)) n++;
    const key = crypto.randomUUID();
    onChange([...tools, { key, id: `tool-${n}`, name: t('tools.newName'), urlPattern: 'https://', defaultPort: '' }]);
    setAddedKey(key);
  };

  return (
    <section className="channels__section" aria-labelledby={headingId}>
      <div className="channels__toolbar">
        <SectionHeading id={headingId} ref={headingRef} title={t('tools.heading')} count={t('tools.count', { count: tools.length })} />
        <button type="button" className="button button--small" onClick={add}>
          {t('tools.add')}
        </button>
      </div>
      <p className="muted">{t('tools.intro')}</p>
      {tools.length === 0 ? (
        <p className="muted">{t('tools.empty')}</p>
      ) : (
        <ul>
          {tools.map((tool) => (
            <li key={tool.key}>
              <ToolRow
                tool={tool}
                focus={tool.key === addedKey}
                onChange={(changed) => onChange(tools.map((candidate) => (candidate.key === tool.key ? changed : candidate)))}
                onRemove={() => {
                  onChange(tools.filter((candidate) => candidate.key !== tool.key));
                  headingRef.current?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ToolRow({ tool, focus, onChange, onRemove }: { tool: ToolDraft; focus: boolean; onChange(tool: ToolDraft): void; onRemove(): void }) {
  const { t } = useTranslation('remote');
  const id = useId();
  const rowRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    const name = rowRef.current?.querySelector('input');
    name?.focus();
    name?.select();
  }, [focus]);
  const problems = toolProblems(tool);
  const field = (name: 'name' | 'id' | 'urlPattern' | 'defaultPort', label: string, extra: { inputMode?: 'numeric'; spellCheck?: boolean } = {}) => (
    <div className="channels__field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        value={tool[name]}
        aria-invalid={(name === 'urlPattern' && problems.some((p) => p.code !== 'port')) || (name === 'defaultPort' && problems.some((p) => p.code === 'port')) || undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => onChange({ ...tool, [name]: event.target.value })}
        {...extra}
      />
    </div>
  );
  return (
    <div ref={rowRef} className="remote-tool" data-testid="remote-tool">
      {field('name', t('tools.name'))}
      {field('id', t('tools.id'), { spellCheck: false })}
      {field('urlPattern', t('tools.pattern'), { spellCheck: false })}
      {field('defaultPort', t('tools.port'), { inputMode: 'numeric' })}
      <button type="button" className="button button--small" aria-label={t('tools.remove', { name: tool.name })} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="remote-tool__problems">
          {problems.map((problem, index) => (
            <li key={index}>{t(`tools.problem.${problem.code}`, { detail: 'detail' in problem ? (problem.code === 'unknown_placeholder' ? `{${problem.detail}}` : problem.detail) : '' })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AllowlistPanel({ draft, onChange }: { draft: RemoteDraft; onChange(lists: Pick<RemoteDraft, 'schemes' | 'hosts'>): void }) {
  const { t } = useTranslation('remote');
  const id = useId();
  const headingId = useId();
  const [probe, setProbe] = useState('');
  const problems = allowlistProblems(draft);
  const verdict = probe.trim() === '' ? null : tryHost(draft, probe);

  return (
    <section className="channels__section remote-allowlist" aria-labelledby={headingId}>
      <SectionHeading id={headingId} title={t('allowlist.heading')} count={null} />
      <p className="muted">{t('allowlist.intro')}</p>
      <div className="channels__field">
        <label htmlFor={`${id}-schemes`}>{t('allowlist.schemes')}</label>
        <textarea id={`${id}-schemes`} className="text-box" rows={4} spellCheck={false} aria-describedby={`${id}-schemes-hint`} value={draft.schemes} onChange={(event) => onChange({ schemes: event.target.value, hosts: draft.hosts })} />
        <span id={`${id}-schemes-hint`} className="channels__hint">
          {t('allowlist.schemesHint')}
        </span>
      </div>
      <div className="channels__field">
        <label htmlFor={`${id}-hosts`}>{t('allowlist.hosts')}</label>
        <textarea id={`${id}-hosts`} className="text-box" rows={8} spellCheck={false} aria-describedby={`${id}-hosts-hint`} value={draft.hosts} onChange={(event) => onChange({ schemes: draft.schemes, hosts: event.target.value })} />
        <span id={`${id}-hosts-hint`} className="channels__hint">
          {t('allowlist.hostsHint')}
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="remote-tool__problems" role="alert">
          {problems.map((problem) => (
            <li key={`${problem.kind}-${problem.line}`}>{t(problem.kind === 'scheme' ? 'allowlist.badScheme' : 'allowlist.badHost', { line: problem.line, value: problem.value })}</li>
          ))}
        </ul>
      )}
      <div className="channels__field">
        <label htmlFor={`${id}-try`}>{t('allowlist.tryLabel')}</label>
        <input id={`${id}-try`} value={probe} spellCheck={false} onChange={(event) => setProbe(event.target.value)} />
        <span role="status" className="channels__hint">
          {verdict && t(`allowlist.try${verdict === 'allowed' ? 'Allowed' : verdict === 'refused' ? 'Refused' : 'Invalid'}`, { host: probe.trim() })}
        </span>
      </div>
    </section>
  );
}
