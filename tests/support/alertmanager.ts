import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBinary, type Launched } from '../../scripts/processes.js';
import { freePort } from './free-port.js';

/** Debian's Prometheus Alertmanager (package prometheus-alertmanager, installed by .ci/run). */
export const ALERTMANAGER_BINARY = '/usr/bin/prometheus-alertmanager';

export interface RunningAlertmanager {
  url: string;
  stop(): Promise<void>;
}


/**
 * A real Alertmanager whose only receiver is a Shiftdesk intake webhook, grouping per alert and
 * waiting a second instead of minutes, so a test sees a firing and its resolution quickly.
 */
export async function startAlertmanager(webhookUrl: string, token: string): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-alertmanager-'));
  const config = join(dir, 'alertmanager.yml');
  writeFileSync(
    config,
    [
      'route:',
      '  receiver: shiftdesk',
      "  group_by: ['alertname', 'instance']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 1h',
      'receivers:',
      '  - name: shiftdesk',
      '    webhook_configs:',
      `      - url: ${webhookUrl}`,
      '        send_resolved: true',
      '        http_config:',
      '          authorization:',
      '            type: Bearer',
      `            credentials: ${token}`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const process: Launched = launchBinary(
    ALERTMANAGER_BINARY,
    [`--config.file=${config}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
    {},
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok).catch(() => false);
    if (ready) break;
    if (attempt > 100) throw new Error('Alertmanager did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      await process.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
