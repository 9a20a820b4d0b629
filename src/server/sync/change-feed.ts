import { EventEmitter } from 'node:events';

/**
 * Services say here that they committed changes to the log; the broadcaster then reads the log for
 * what is new. Announcing only after commit means the broadcaster always finds what it was told of,
 * and reading from the log (not from the announcement) means nothing committed is ever left out.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();

  committed(): void {
    this.emitter.emit('committed');
  }

  subscribe(listener: () => void): () => void {
    this.emitter.on('committed', listener);
    return () => this.emitter.off('committed', listener);
  }
}
