/**
 * One subscription shared by every component that needs it: the first `connect()` starts it, the
 * last disconnect stops it. Each disconnect counts once, however often it is called.
 */
export function sharedSubscription(start: () => () => void): () => () => void {
  let users = 0;
  let stop: (() => void) | null = null;
  return () => {
    if (users++ === 0) stop = start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--users > 0) return;
      const running = stop;
      stop = null;
      running?.();
    };
  };
}
