import { launchTs, type Launched } from '../../scripts/processes.js';

export interface ServerProcess {
  url: string;
  process: Launched;
}

/** The real server as its own process, on a given port and data folder: what kill -9 tests need. */
export async function startServerProcess(port: number, dataDir: string): Promise<ServerProcess> {
  const process = launchTs('src/server/main.ts', { SHIFTDESK_PORT: String(port), SHIFTDESK_DATA: dataDir }, { echo: false });
  const [, url] = await process.waitForLine(/server listening on (\S+)/);
  return { url: url!, process };
}

/** No shutdown, no flush: the process is gone as after a crash or a pulled plug. */
export async function killHard(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => server.process.child.once('exit', resolve));
  server.process.child.kill('SIGKILL');
  await exited;
}
