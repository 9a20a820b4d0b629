import { launchTs, type Launched } from './processes.js';

export interface StackOptions {
  serverPort: number;
  consolePort: number;
  serverData: string;
  consoleData: string;
  echo?: boolean;
}

export interface RunningStack {
  serverUrl: string;
  consoleUrl: string;
  server: Launched;
  host: Launched;
  stop(): Promise<void>;
}

/** The server, then the browser host pointed at it: what `npm start`, the e2e tests and screenshots share. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const echo = options.echo ?? true;
  const server = launchTs('src/server/main.ts', { SHIFTDESK_PORT: String(options.serverPort), SHIFTDESK_DATA: options.serverData }, { echo });
  const [, serverUrl] = await server.waitForLine(/server listening on (\S+)/);
  const host = launchTs(
    'src/main/core/browser-host/main.ts',
    { SHIFTDESK_SERVER_URL: serverUrl, SHIFTDESK_CONSOLE_PORT: String(options.consolePort), SHIFTDESK_CONSOLE_DATA: options.consoleData },
    { echo },
  );
  try {
    const [, consoleUrl] = await host.waitForLine(/console ready at (\S+)/);
    return {
      serverUrl: serverUrl!,
      consoleUrl: consoleUrl!,
      server,
      host,
      stop: async () => {
        await host.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
