import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { launchBinary, launchTs, type Launched } from './processes.js';
import { startStack } from './stack.js';

/**
 * `npm start`: the server on its SQLite file (demo data on first start) and the console. Electron when
 * its binary is installed; otherwise the same core serves the console to a browser on this machine.
 */
const serverPort = Number(process.env.SHIFTDESK_PORT ?? 4780);
const serverData = process.env.SHIFTDESK_DATA ?? '.shiftdesk/server';
const consoleData = process.env.SHIFTDESK_CONSOLE_DATA ?? '.shiftdesk/console';

function electronBinary(): string | null {
  try {
    // With the binary installed this returns its path; without it, it throws.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

console.log('shiftdesk: building the console…');
execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'ignore' });

const running: Launched[] = [];
const electron = electronBinary();
if (electron) {
  const server = launchTs('src/server/main.ts', { SHIFTDESK_PORT: String(serverPort), SHIFTDESK_DATA: serverData });
  running.push(server);
  const [, serverUrl] = await server.waitForLine(/server listening on (\S+)/);
  running.push(launchBinary(electron, ['.'], { SHIFTDESK_SERVER_URL: serverUrl }));
} else {
  console.log('shiftdesk: the Electron binary is not installed on this machine (it needs a download), so the console opens in your browser instead.');
  const stack = await startStack({
    serverPort,
    consolePort: Number(process.env.SHIFTDESK_CONSOLE_PORT ?? 4781),
    serverData,
    consoleData,
  });
  running.push(stack.host, stack.server);
  console.log(`\n  Open the Shiftdesk console: ${stack.consoleUrl}\n  Press Ctrl-C to stop.\n`);
}

let stopping = false;
async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const process of running) await process.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());
for (const launched of running) launched.child.once('exit', () => void stopAll());
