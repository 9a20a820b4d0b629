import { EventEmitter } from 'node:events';

export interface Committed {
  scopes: string[];
  seq: number;
}

/**
 * Services announce committed changes here; the socket layer turns them into pokes. Announcing only
 * after commit means a poked client always finds the change when it pulls.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();

  committed(event: Committed): void {
    this.emitter.emit('committed', event);
  }

  subscribe(listener: (event: Committed) => void): () => void {
    this.emitter.on('committed', listener);
    return () => this.emitter.off('committed', listener);
  }
}
