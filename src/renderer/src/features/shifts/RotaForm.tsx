import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerAction } from '../../ui/use-server-action.js';
import { FailureMessage } from '../channels/FailureMessage.js';

/**
 * The frame of every rota form: its heading takes the keyboard when it opens, Save sends to the
 * server (busy meanwhile, the refusal shown in the server's words with everything typed kept),
 * Cancel and Escape go back without sending.
 */
export function RotaForm({ heading, submitLabel, save, onDone, children }: {
  heading: string;
  submitLabel?: string;
  save(): Promise<unknown>;
  onDone(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation('shifts');
  const { busy, failure, run } = useServerAction();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(save)) onDone();
  }

  return (
    <form
      className="channels__section channels__form rota-form"
      aria-labelledby={headingId}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Back to the list, not out of the dialog.
        event.preventDefault();
        event.stopPropagation();
        onDone();
      }}
    >
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="channels__heading">
        {heading}
      </h3>
      {children}
      {failure && <FailureMessage failure={failure} />}
      <div className="channels__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel ?? t('actions.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
