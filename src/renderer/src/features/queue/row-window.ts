import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** The first and last row to draw (last < first when there are none). */
  first: number;
  last: number;
  /** Scrolls as little as needs be to show the row whole below the sticky header. */
  scrollToIndex(index: number): void;
}

/** Which rows a list of `count` rows of one height shows when scrolled to `top` in a view `height` tall, with `overscan` more each side. */
export function rowsInView(count: number, rowHeight: number, overscan: number, top: number, height: number): { first: number; last: number } {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + height) / rowHeight) + overscan);
  return { first, last: Math.max(first - 1, last) };
}

/**
 * The rows in view of a list whose rows all have one height, which the queue's rows do (the
 * density's --row-height): where they are follows from the scroll position alone. A general virtualizer
 * measures every row again whenever the count changes, 100,000 of them each time the queue's list
 * arrives or a filter is cleared (~15 ms of a 70 ms first render); this is arithmetic on two numbers.
 * The view re-renders when the first row in view or the view's height changes, not on every pixel.
 * The rows around the view (`overscan`) are there for a scroll's next frames, so they are drawn from
 * the first scroll on: the first frame of a list, which the agent waits for, lays out only what shows.
 *
 * `bodyRef` is the rows' container inside the scrolling element, below its sticky header.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, bodyRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  // The window's height stands in for the view's until it is measured: rows on the very first render,
  // a few too many, never too few (an empty first frame would be laid out and drawn twice).
  const [view, setView] = useState(() => ({ top: 0, height: window.innerHeight, scrolled: false }));
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const read = (event?: Event | ResizeObserverEntry[]) =>
      setView((old) => {
        const height = element.clientHeight;
        const scrolled = old.scrolled || event instanceof Event;
        const sameRow = Math.floor(element.scrollTop / rowHeight) === Math.floor(old.top / rowHeight);
        return sameRow && height === old.height && scrolled === old.scrolled ? old : { top: element.scrollTop, height, scrolled };
      });
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [scrollRef, rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const offset = bodyRef.current?.offsetTop ?? 0;
      const start = index * rowHeight;
      const end = start + rowHeight;
      // Rows pass under the sticky header, which is as tall as the body's offset.
      if (start < element.scrollTop) element.scrollTop = start;
      else if (offset + end > element.scrollTop + element.clientHeight) element.scrollTop = offset + end - element.clientHeight;
    },
    [scrollRef, bodyRef, rowHeight],
  );

  return { ...rowsInView(count, rowHeight, view.scrolled ? overscan : 0, view.top, view.height), scrollToIndex };
}
