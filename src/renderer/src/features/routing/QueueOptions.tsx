import type { QueueSettings } from '../../../../shared/routing/api.js';

/** The queues a rule, the default or an overflow can name, by name. */
export function QueueOptions({ queues }: { queues: readonly Pick<QueueSettings, 'id' | 'name'>[] }) {
  return queues.map((queue) => (
    <option key={queue.id} value={queue.id}>
      {queue.name}
    </option>
  ));
}
