import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Clock } from '../../src/shared/clock.js';
import { DeskCore } from '../../src/main/core/desk-core.js';
import { FileSecretStore } from '../../src/main/core/session/secret-store.js';
import { startTestServer, type RunningTestServer } from '../../src/server/testing/test-server.js';

export const realClock: Clock = { now: () => Date.now() };

/**
 * Servers, desktop cores and folders an integration test starts, undone in reverse order after each
 * test, so a failing test never leaves a server or a replica behind for the next one.
 */
export function deskHarness(folderPrefix: string) {
  const steps: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  const onCleanup = (step: () => Promise<unknown> | unknown) => void steps.push(step);
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), folderPrefix));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  /** A core that is not closed for the test: for replicas a test opens again. */
  const openCore = (serverUrl: string, dataDir: string, clock: Clock = realClock) =>
    new DeskCore({ dataDir, serverUrl, clock, secrets: new FileSecretStore(join(dataDir, 'session.json')) });
  return {
    onCleanup,
    folder,
    openCore,
    async server(options: { dataDir?: string; port?: number; clock?: Clock } = {}): Promise<RunningTestServer> {
      const running = await startTestServer({ clock: realClock, seed: true, ...options });
      onCleanup(() => running.stop({ keepData: true }).catch(() => undefined));
      return running;
    },
    core(serverUrl: string, dataDir = folder(), clock: Clock = realClock): DeskCore {
      const desk = openCore(serverUrl, dataDir, clock);
      onCleanup(() => desk.close());
      return desk;
    },
  };
}
