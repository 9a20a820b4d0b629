import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startStack, type RunningStack } from '../../../scripts/stack.js';

/**
 * A fresh server (with demo data) and browser host on free ports for each test: the core keeps its
 * session like a real desktop, so sharing one between tests would leak sign-ins from one to the next.
 */
export const test = base.extend<{ stack: RunningStack }>({
  stack: [
    // Playwright reads the fixtures a function needs from its destructured first argument: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const root = mkdtempSync(join(tmpdir(), 'shiftdesk-e2e-'));
      const stack = await startStack({
        serverPort: 0,
        consolePort: 0,
        serverData: join(root, 'server'),
        consoleData: join(root, 'console'),
        echo: false,
      });
      await use(stack);
      await stack.stop();
      rmSync(root, { recursive: true, force: true });
    },
    { scope: 'test' },
  ],
});

export { expect } from '@playwright/test';
