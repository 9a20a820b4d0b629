import { useId, type ReactNode, type RefObject } from 'react';

export interface SideSheetProps {
  id: string;
  /** The feature's own class, beside `side-sheet`. */
  className: string;
  testId: string;
  title: string;
  closeLabel: string;
  onClose(): void;
  /** The panel focuses its heading when it decides to (on open, on a new view). */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Read out politely as it changes ("Saved", "Inserted"). */
  announcement?: string;
  onFocus?(): void;
  children: ReactNode;
}

/**
 * A panel beside the workspace (handoff, alerts, knowledge base). It does not trap the keyboard, so
 * the queue and the ticket stay in reach; Escape anywhere in it closes it, unless a control inside
 * used that Escape for itself (clearing a search box first).
 */
export function SideSheet({ id, className, testId, title, closeLabel, onClose, headingRef, announcement, onFocus, children }: SideSheetProps) {
  const headingId = useId();
  return (
    <section
      id={id}
      className={`side-sheet ${className}`}
      data-testid={testId}
      aria-labelledby={headingId}
      onFocus={onFocus}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.nativeEvent.isComposing || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="side-sheet__header">
        <h2 id={headingId} className="side-sheet__title" ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={closeLabel} title={closeLabel} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {announcement !== undefined && (
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      )}
      {children}
    </section>
  );
}
