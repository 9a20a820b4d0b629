import type { Ref } from 'react';

/**
 * A section's heading with its count once the list is there ("Quarantine · 2 items"). It takes the
 * focus (tabIndex -1) when the button an agent pressed goes away with what it acted on.
 */
export function SectionHeading({ id, title, count, ref }: { id: string; title: string; count: string | null; ref?: Ref<HTMLHeadingElement> }) {
  return (
    <h3 id={id} ref={ref} tabIndex={-1} className="channels__heading">
      {title}
      {count !== null && (
        <>
          {' '}
          <span className="muted">· {count}</span>
        </>
      )}
    </h3>
  );
}
