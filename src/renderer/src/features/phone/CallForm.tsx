import { useCallback, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomes, priorities } from '../../../../shared/domain/ticket.js';
import { useCalls, useDeskServices, useQueue } from '../../services.js';
import { callFromDraft, type CallDraft, type CalledTicket, type CallField, type CallProblem } from './call-draft.js';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The call's fields in the order the agent hears them: who, about which ticket (or a new one), what
 * was said, how long and how it ended. Enter in a field logs the call, as Ctrl+Enter does in the
 * notes; what is missing is said next to its field, and the keyboard goes to the first one.
 */
export function CallForm({ onLogged }: { onLogged(): void }) {
  const { calls } = useDeskServices();
  const { t } = useTranslation(['phone', 'labels']);
  const draft = useCalls((state) => state.draft);
  const sending = useCalls((state) => state.sending);
  const failed = useCalls((state) => state.failed);
  const tickets = useQueue((state) => state.tickets);
  const queues = useQueue((state) => state.queues);
  const [problems, setProblems] = useState<readonly CallProblem[]>([]);
  const base = useId();
  const idOf = (field: string) => `${base}-${field}`;

  const byNumber = useMemo(() => new Map([...tickets.values()].map((ticket) => [ticket.number, ticket])), [tickets]);
  const findTicket = useCallback((number: number): CalledTicket | null => byNumber.get(number) ?? null, [byNumber]);
  const number = draft.ticketNumber.trim().replace(/^#/, '');
  const onTicket = number !== '';
  const ticket = /^\d+$/.test(number) ? findTicket(Number(number)) : null;

  function update(change: Partial<CallDraft>) {
    calls.getState().setDraft(change);
    setProblems((current) => current.filter((problem) => !(problem.field in change)));
  }

  async function submit() {
    const result = callFromDraft(draft, findTicket, queues[0]?.id ?? null);
    if ('problems' in result) {
      setProblems(result.problems);
      document.getElementById(idOf(result.problems[0]!.field))?.focus();
      return;
    }
    setProblems([]);
    if (await calls.getState().submit(result.call)) onLogged();
  }

  const problemText = (problem: CallProblem) =>
    problem.field !== 'ticketNumber'
      ? t(`errors.${problem.field}`)
      : problem.reason === 'notFound'
        ? t('errors.ticketNotFound', { number })
        : problem.reason === 'closed'
          ? t('errors.ticketClosed', { number })
          : t('errors.ticketNumber');

  /** Label, control, hint and error of one field, tied together for screen readers. */
  function field(name: CallField, label: string, control: (props: FieldProps) => ReactNode, options: { hint?: ReactNode; span?: 'wide' | 'half' | 'third' | 'twoThirds' } = {}) {
    const problem = problems.find((candidate) => candidate.field === name);
    const describedBy = [options.hint ? `${idOf(name)}-hint` : '', problem ? `${idOf(name)}-error` : ''].filter(Boolean).join(' ');
    return (
      <div className={`call-form__field call-form__field--${options.span ?? 'half'}`}>
        <label htmlFor={idOf(name)}>{label}</label>
        {control({ id: idOf(name), 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy || undefined })}
        {options.hint && (
          <span id={`${idOf(name)}-hint`} className="call-form__hint">
            {options.hint}
          </span>
        )}
        {problem && (
          <span id={`${idOf(name)}-error`} className="call-form__error">
            {problemText(problem)}
          </span>
        )}
      </div>
    );
  }

  function onNotesKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const about = ticket && ticket.status !== 'closed' ? t('onTicket', { number: ticket.number, subject: ticket.subject }) : onTicket ? t('form.ticketNumberHint') : t('newTicket');

  return (
    <form
      className="call-form"
      noValidate
      aria-describedby={`${base}-keys`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {problems.length > 0 && (
        <p className="call-form__summary" role="alert">
          {t('errors.count', { count: problems.length })}
        </p>
      )}
      <div className="call-form__grid">
        {field('callerName', t('form.callerName'), (props) => <input {...props} type="text" required autoComplete="off" maxLength={200} value={draft.callerName} onChange={(e) => update({ callerName: e.target.value })} />)}
        {field('callerPhone', t('form.callerPhone'), (props) => <input {...props} type="tel" required autoComplete="off" maxLength={40} value={draft.callerPhone} onChange={(e) => update({ callerPhone: e.target.value })} />)}
        {field(
          'ticketNumber',
          t('form.ticketNumber'),
          (props) => <input {...props} type="text" inputMode="numeric" autoComplete="off" placeholder="#" value={draft.ticketNumber} onChange={(e) => update({ ticketNumber: e.target.value })} />,
          { hint: about, span: 'wide' },
        )}
        {!onTicket && (
          <>
            {field('subject', t('form.subject'), (props) => <input {...props} type="text" required maxLength={300} value={draft.subject} onChange={(e) => update({ subject: e.target.value })} />, { span: 'twoThirds' })}
            <div className="call-form__field call-form__field--third">
              <label htmlFor={idOf('priority')}>{t('form.priority')}</label>
              <select id={idOf('priority')} value={draft.priority} onChange={(e) => update({ priority: e.target.value as CallDraft['priority'] })}>
                {priorities.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`labels:priority.${priority}`)}
                  </option>
                ))}
              </select>
            </div>
            {field('callerEmail', t('form.callerEmail'), (props) => <input {...props} type="email" autoComplete="off" maxLength={320} value={draft.callerEmail} onChange={(e) => update({ callerEmail: e.target.value })} />)}
            <div className="call-form__field call-form__field--half">
              <label htmlFor={idOf('queue')}>{t('form.queue')}</label>
              <select id={idOf('queue')} value={draft.queueId ?? queues[0]?.id ?? ''} onChange={(e) => update({ queueId: e.target.value })}>
                {queues.map((queue) => (
                  <option key={queue.id} value={queue.id}>
                    {queue.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {field(
          'notes',
          t('form.notes'),
          (props) => (
            <textarea
              {...props}
              required
              rows={5}
              maxLength={100_000}
              placeholder={t('form.notesPlaceholder')}
              aria-keyshortcuts="Control+Enter Meta+Enter"
              value={draft.notes}
              onChange={(e) => update({ notes: e.target.value })}
              onKeyDown={onNotesKeyDown}
            />
          ),
          { span: 'wide' },
        )}
        {field('duration', t('form.duration'), (props) => <input {...props} type="text" inputMode="numeric" required autoComplete="off" placeholder="4:32" value={draft.duration} onChange={(e) => update({ duration: e.target.value })} />, {
          hint: t('form.durationHint'),
          span: 'third',
        })}
        <div className="call-form__field call-form__field--twoThirds">
          <label htmlFor={idOf('outcome')}>{t('form.outcome')}</label>
          <select id={idOf('outcome')} data-testid="call-outcome" value={draft.outcome} onChange={(e) => update({ outcome: e.target.value as CallDraft['outcome'] })}>
            {callOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcome.${outcome}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {failed && (
        <p className="call-form__error" role="alert">
          {t('form.failed')}
        </p>
      )}
      <div className="call-form__actions">
        <span id={`${base}-keys`} className="call-form__hint">
          {t('form.hint', { keys: onMac ? '⌘+Enter' : 'Ctrl+Enter' })}
        </span>
        <button type="button" className="button" onClick={() => calls.getState().close()}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={sending}>
          {t('form.submit')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
