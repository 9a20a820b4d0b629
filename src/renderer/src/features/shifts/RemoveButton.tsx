import { useServerAction } from '../../ui/use-server-action.js';
import { ConfirmButton } from '../channels/ConfirmButton.js';
import { FailureMessage } from '../channels/FailureMessage.js';

/** A row's remove (withdraw, call off): asked in place, sent to the server, its failure shown beside it. */
export function RemoveButton({ label, description, question, confirmLabel, remove, onRemoved }: {
  label: string;
  description: string;
  question: string;
  confirmLabel: string;
  remove(): Promise<unknown>;
  onRemoved(): void;
}) {
  const { busy, failure, run } = useServerAction();
  return (
    <>
      <ConfirmButton label={label} description={description} question={question} confirmLabel={confirmLabel} busy={busy} onConfirm={() => void run(remove).then((done) => done && onRemoved())} />
      {failure && <FailureMessage failure={failure} />}
    </>
  );
}
