import { useId, type ReactNode } from 'react';
import './disclosure.css';

/**
 * A button that shows and hides a region below it (the ticket pane's "Why?" answers). The owner keeps
 * `open`, so what the region asked for survives closing it; the region is rendered only while open.
 */
export function Disclosure({ className, open, onToggle, label, hint, region, children }: { className: string; open: boolean; onToggle(): void; label: string; hint: string; region: string; children: ReactNode }) {
  const panelId = useId();
  return (
    <div className={`disclosure ${className}`}>
      <button type="button" className="button disclosure__toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        <span className="disclosure__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {label}
        <span className="visually-hidden"> {hint}</span>
      </button>
      <div id={panelId} className="disclosure__panel" role="region" aria-label={region} hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
