import { launchTs, type Launched } from './processes.js';

export interface StackOptions {
  serverPort: number;
  consolePort: number;
  serverData: string;
  consoleData: string;
  echo?: boolean;
  /** More of the server's settings (SHIFTDESK_SMTP_PORT for mail in), for a run that needs them. */
  serverEnv?: NodeJS.ProcessEnv;
}

export interface RunningStack {
  serverUrl: string;
  consoleUrl: string;
  server: Launched;
  host: Launched;
  /** Stops the server process alone (the console stays up), as an outage does. */
  stopServer(): Promise<void>;
  /** Starts a new server process on the same port and data folder. */
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

/** The server, then the browser host pointed at it: what `npm start`, the e2e tests and screenshots share. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const echo = options.echo ?? true;
  const launchServer = (port: number) => launchTs('src/server/main.ts', { ...options.serverEnv, SHIFTDESK_PORT: String(port), SHIFTDESK_DATA: options.serverData }, { echo });
  let server = launchServer(options.serverPort);
  const [, serverUrl] = await server.waitForLine(/server listening on (\S+)/);
  const host = launchTs(
    'src/main/core/browser-host/main.ts',
    { SHIFTDESK_SERVER_URL: serverUrl, SHIFTDESK_CONSOLE_PORT: String(options.consolePort), SHIFTDESK_CONSOLE_DATA: options.consoleData },
    { echo },
  );
  try {
    const [, consoleUrl] = await host.waitForLine(/console ready at (\S+)/);
    const stack: RunningStack = {
      serverUrl: serverUrl!,
      consoleUrl: consoleUrl!,
      server,
      host,
      stopServer: () => server.stop(),
      restartServer: async () => {
        server = launchServer(Number(new URL(serverUrl!).port));
        stack.server = server;
        await server.waitForLine(/server listening on/);
      },
      stop: async () => {
        await host.stop();
        await server.stop();
      },
    };
    return stack;
  } catch (error) {
    await server.stop();
    throw error;
  }
}
