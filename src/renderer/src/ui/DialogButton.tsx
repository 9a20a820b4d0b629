import { useState, type ReactNode } from 'react';

/**
 * A top-bar button that opens a dialog of its own (announced with aria-haspopup); the dialog is given
 * the way to close itself.
 */
export function DialogButton({ label, testId, dialog }: { label: string; testId: string; dialog: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" data-testid={testId} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && dialog(() => setOpen(false))}
    </>
  );
}
