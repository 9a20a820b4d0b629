import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REPLY_FILE_BYTES } from '../../../../shared/desk-api/ticket-draft-methods.js';
import type { MacroActions } from '../../../../shared/domain/knowledge.js';
import type { Agent } from '../../../../shared/domain/people.js';
import type { AttachmentMeta } from '../../../../shared/domain/ticket.js';
import type { StagedAction } from '../../../../shared/macros/apply.js';
import { useDeskServices } from '../../services.js';
import { fileTypeLabel, formatFileSize } from '../../ui/files.js';
import type { PickedFile } from './drafts-store.js';

/** Colleagues' names for an "Assign to …" chip; without them (not synced yet) the chip says "another agent". */
function useAgentNames(wanted: boolean): ReadonlyMap<string, string> {
  const { client } = useDeskServices();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    client.call('agents.list', {}).then(
      (agents: Agent[]) => current && setNames(new Map(agents.map((agent) => [agent.id, agent.name]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, wanted]);
  return names;
}

/** The macro actions staged on the draft, each a chip that removes it; they are applied with the send. */
export function StagedActions({ actions, onRemove }: { actions: MacroActions; onRemove(action: StagedAction): void }) {
  const { t } = useTranslation(['ticket', 'labels']);
  const names = useAgentNames(actions.assignee?.kind === 'user');
  const chips: { action: StagedAction; label: string }[] = [];
  if (actions.status) chips.push({ action: 'status', label: t('macros.action.status', { value: t(`labels:status.${actions.status}`) }) });
  if (actions.priority) chips.push({ action: 'priority', label: t('macros.action.priority', { value: t(`labels:priority.${actions.priority}`) }) });
  if (actions.assignee) {
    const { assignee } = actions;
    const label =
      assignee.kind === 'me' ? t('macros.action.assignMe') : assignee.kind === 'unassigned' ? t('macros.action.unassign') : t('macros.action.assignUser', { name: names.get(assignee.userId) ?? t('assigneeOther') });
    chips.push({ action: 'assignee', label });
  }
  if (actions.addTags?.length) chips.push({ action: 'addTags', label: t('macros.action.addTags', { count: actions.addTags.length, tags: actions.addTags.join(', ') }) });
  if (actions.removeTags?.length) chips.push({ action: 'removeTags', label: t('macros.action.removeTags', { count: actions.removeTags.length, tags: actions.removeTags.join(', ') }) });
  if (chips.length === 0) return null;
  return (
    <div className="composer__staged" role="group" aria-label={t('macros.actionsTitle')} data-testid="staged-actions">
      <span className="composer__staged-title">{t('macros.actionsTitle')}</span>
      <ul className="chip-list">
        {chips.map(({ action, label }) => (
          <li key={action} className="chip" data-action={action}>
            <span>{label}</span>
            <button type="button" className="chip__remove" aria-label={t('macros.removeAction', { action: label })} title={t('macros.removeAction', { action: label })} onClick={() => onRemove(action)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Files attached to the draft: their bytes are in the core already, so they survive a restart. */
export function DraftFiles({ files, onRemove }: { files: readonly AttachmentMeta[]; onRemove(fileId: string): void }) {
  const { t, i18n } = useTranslation('ticket');
  if (files.length === 0) return null;
  return (
    <ul className="chip-list composer__files" aria-label={t('attach.list', { count: files.length })} data-testid="draft-files">
      {files.map((file) => (
        <li key={file.id} className="chip chip--file">
          {fileTypeLabel(file.filename, file.contentType) && <span className="chip__type">{fileTypeLabel(file.filename, file.contentType)}</span>}
          <span>
            {file.filename} <span className="muted">({formatFileSize(file.size, i18n.language)})</span>
          </span>
          <button type="button" className="chip__remove" aria-label={t('attach.remove', { name: file.filename })} title={t('attach.remove', { name: file.filename })} onClick={() => onRemove(file.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Reads picked or dropped files for the core; one over the limit is refused here with its size, before any bytes travel. */
export async function readFiles(files: readonly File[], tooLarge: (file: File) => string): Promise<{ picked: PickedFile[]; refused: string[] }> {
  const picked: PickedFile[] = [];
  const refused: string[] = [];
  for (const file of files) {
    if (file.size > MAX_REPLY_FILE_BYTES) {
      refused.push(tooLarge(file));
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    // In slices: String.fromCharCode(...) of a whole file would overflow the call stack.
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    picked.push({ name: file.name, type: file.type, base64: btoa(binary) });
  }
  return { picked, refused };
}
