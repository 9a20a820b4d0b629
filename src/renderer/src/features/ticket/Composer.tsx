import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Macro } from '../../../../shared/domain/knowledge.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import { renderMacro } from '../../../../shared/macros/render.js';
import { useTicketCommand } from '../../app/ticket-commands.js';
import { useDeskServices, useDrafts, useSession } from '../../services.js';
import { formatFileSize } from '../../ui/files.js';
import { SendBox } from '../../ui/SendBox.js';
import { MAX_REPLY_FILE_BYTES } from '../../../../shared/desk-api/ticket-draft-methods.js';
import { DraftFiles, readFiles, StagedActions } from './DraftExtras.js';
import { canSend as draftCanSend, draftKey, emptyDraft, type DraftKind } from './drafts-store.js';
import { MacroPicker } from './MacroPicker.js';
import { KnowledgeInsertButton } from '../knowledge/KnowledgeInsertButton.js';

/** Colleagues see "… is replying" while the agent types, and for this long after the last key. */
const REPLYING_FOR_MS = 5000;
/** Typed in the text, opens the macros (and is taken out again): the quickest way without leaving the keys. */
const MACRO_TRIGGER = ';;';

/**
 * Writes a reply to the customer or an internal note, with macros (Ctrl+Shift+M or `;;`), their
 * staged actions and attached files, all sent in one step. The draft lives in the drafts store and
 * the core, per agent and ticket, so switching tickets or a restart never loses a word.
 */
export function Composer({ ticket }: { ticket: Pick<Ticket, 'id' | 'number' | 'subject' | 'requesterName' | 'sla'> }) {
  const { drafts, client } = useDeskServices();
  const { t, i18n } = useTranslation('ticket');
  const user = useSession((state) => state.user);
  const key = draftKey(user?.id ?? '', ticket.id);
  const draft = useDrafts((state) => state.drafts.get(key)) ?? emptyDraft;
  const kindName = useId();
  const fileInputId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [picking, setPicking] = useState(false);
  const [unresolved, setUnresolved] = useState<string[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const replying = useRef<ReturnType<typeof setTimeout> | null>(null);
  const note = draft.kind === 'note';
  const canSend = draftCanSend(draft) && !draft.sending;

  useEffect(() => void drafts.getState().load(key), [drafts, key]);

  // Leaving the ticket ends "replying" at once rather than after the pause.
  useEffect(
    () => () => {
      if (replying.current) clearTimeout(replying.current);
      replying.current = null;
    },
    [ticket.id],
  );

  function focusBox() {
    formRef.current?.querySelector('textarea')?.focus();
  }

  useTicketCommand('reply', () => {
    chooseKind('reply');
    focusBox();
  });
  useTicketCommand('note', () => {
    chooseKind('note');
    focusBox();
  });

  function typing() {
    if (replying.current) clearTimeout(replying.current);
    else void client.call('ticketPresence.set', { ticketId: ticket.id, replying: true }).catch(() => undefined);
    replying.current = setTimeout(() => {
      replying.current = null;
      void client.call('ticketPresence.set', { ticketId: ticket.id, replying: false }).catch(() => undefined);
    }, REPLYING_FOR_MS);
  }

  function send() {
    if (!canSend) return;
    setUnresolved([]);
    void drafts.getState().send(key);
  }

  function chooseKind(kind: DraftKind) {
    drafts.getState().setKind(key, kind);
  }

  function changeBody(body: string) {
    // `;;` just typed (at the end of what grew): take it out again and open the macros.
    if (body.length === draft.body.length + 1 && body.includes(MACRO_TRIGGER) && !draft.body.includes(MACRO_TRIGGER)) {
      drafts.getState().setBody(key, body.replace(MACRO_TRIGGER, ''));
      setPicking(true);
      return;
    }
    drafts.getState().setBody(key, body);
    typing();
  }

  function applyMacro(macro: Macro) {
    setPicking(false);
    const rendered = renderMacro(macro.body, { ticket, agent: { name: user?.name ?? '' }, locale: i18n.language, timeZone: user?.timeZone });
    if (rendered.text.trim() !== '') drafts.getState().insertText(key, rendered.text);
    drafts.getState().stageActions(key, macro.actions);
    setUnresolved(rendered.unresolved);
    // After the dialog hands the focus back: the agent goes on typing where the macro left off.
    requestAnimationFrame(focusBox);
  }

  async function attach(files: readonly File[]) {
    const { picked, refused } = await readFiles(files, (file) =>
      t('attach.tooLarge', { name: file.name, size: formatFileSize(file.size, i18n.language), max: formatFileSize(MAX_REPLY_FILE_BYTES, i18n.language) }),
    );
    const errors = [...refused];
    for (const file of picked) {
      try {
        await drafts.getState().attach(key, file);
      } catch (error) {
        errors.push(t('attach.failed', { name: file.name, message: error instanceof Error ? error.message : String(error) }));
      }
    }
    setFileErrors(errors);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'm') {
      event.preventDefault();
      setPicking(true);
    }
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(false);
    void attach([...event.dataTransfer.files]);
  }

  return (
    <form
      ref={formRef}
      className={`composer composer--${draft.kind}${dragging ? ' composer--dropping' : ''}`}
      data-testid="composer"
      data-kind={draft.kind}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="composer__bar">
        <fieldset className="composer__kinds">
          <legend className="visually-hidden">{t('composer.kind')}</legend>
          {(['reply', 'note'] as const).map((kind) => (
            <label key={kind} className={`composer__kind composer__kind--${kind}`}>
              <input type="radio" name={kindName} value={kind} checked={draft.kind === kind} onChange={() => chooseKind(kind)} />
              <span>{t(`composer.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="composer__tools">
          {/* Other features' insert buttons (the knowledge base's) take one line here. */}
          <KnowledgeInsertButton />
          <button type="button" className="button button--small" aria-keyshortcuts="Control+Shift+M" title={t('macros.openHint')} onClick={() => setPicking(true)}>
            {t('macros.open')}
          </button>
          <label htmlFor={fileInputId} className="button button--small composer__attach" title={t('attach.hint')}>
            {t('attach.button')}
          </label>
          <input
            id={fileInputId}
            type="file"
            multiple
            className="visually-hidden"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void attach(files);
            }}
          />
        </div>
      </div>
      {note && <p className="composer__notice">{t('composer.noteNotice')}</p>}
      <SendBox
        aria-label={note ? t('composer.noteLabel') : t('composer.replyLabel')}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder', { name: ticket.requesterName })}
        rows={3}
        value={draft.body}
        onChange={changeBody}
        failure={draft.failed ? t('composer.failed') : null}
        hint={(keys) => t('composer.hint', { keys })}
        submitLabel={note ? t('composer.sendNote') : t('composer.sendReply')}
        submitClassName={`button ${note ? 'button--note' : 'button--primary'}`}
        canSend={canSend}
        onSend={send}
        blurOnEscape
      />
      {unresolved.length > 0 && (
        <p className="composer__warning" role="status" data-testid="unresolved-placeholders">
          {t('macros.unresolved', { count: unresolved.length, names: unresolved.join(', ') })}
        </p>
      )}
      <StagedActions actions={draft.actions} onRemove={(action) => drafts.getState().removeAction(key, action)} />
      <DraftFiles files={draft.files} onRemove={(fileId) => void drafts.getState().detach(key, fileId).catch(() => undefined)} />
      {fileErrors.map((error) => (
        <p key={error} className="send-box__error" role="alert">
          {error}
        </p>
      ))}
      {dragging && <p className="composer__drop">{t('attach.drop')}</p>}
      {picking && <MacroPicker onPick={applyMacro} onClose={() => setPicking(false)} />}
    </form>
  );
}
