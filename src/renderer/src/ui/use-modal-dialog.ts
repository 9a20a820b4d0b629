import { useEffect, useRef } from 'react';

/**
 * Shows a <dialog> as a modal for as long as its component is mounted: the browser keeps the keyboard
 * inside it and closes it on Escape. The focus starts on the first element matching `initialFocus`
 * (not the close button the browser would pick) and goes back to whatever had it before.
 */
export function useModalDialog(initialFocus: string) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFocus = useRef(initialFocus);

  useEffect(() => {
    const dialog = dialogRef.current!;
    const opener = document.activeElement;
    dialog.showModal();
    dialog.querySelector<HTMLElement>(firstFocus.current)?.focus();
    return () => {
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return dialogRef;
}
