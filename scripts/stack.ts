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
  /** Another person's console (its own core and replica in `consoleData`) on the same server; answers its URL. */
  openConsole(consoleData: string): Promise<string>;
  stop(): Promise<void>;
}

/** The browser host (the desktop core in Node) pointed at a server: one person's console. */
async function startConsole(serverUrl: string, port: number, consoleData: string, echo: boolean): Promise<{ url: string; host: Launched }> {
  const host = launchTs('src/main/core/browser-host/main.ts', { SHIFTDESK_SERVER_URL: serverUrl, SHIFTDESK_CONSOLE_PORT: String(port), SHIFTDESK_CONSOLE_DATA: consoleData }, { echo });
  try {
    const [, url] = await host.waitForLine(/console ready at (\S+)/);
    return { url: url!, host };
  } catch (error) {
    await host.stop();
    throw error;
  }
}

/** The server, then the browser host pointed at it: what `npm start`, the e2e tests and screenshots share. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const echo = options.echo ?? true;
  const launchServer = (port: number) => launchTs('src/server/main.ts', { ...options.serverEnv, SHIFTDESK_PORT: String(port), SHIFTDESK_DATA: options.serverData }, { echo });
  let server = launchServer(options.serverPort);
  const [, serverUrl] = await server.waitForLine(/server listening on (\S+)/);
  try {
    const { url: consoleUrl, host } = await startConsole(serverUrl!, options.consolePort, options.consoleData, echo);
    const others: Launched[] = [];
    const stack: RunningStack = {
      serverUrl: serverUrl!,
      consoleUrl,
      server,
      host,
      stopServer: () => server.stop(),
      restartServer: async () => {
        server = launchServer(Number(new URL(serverUrl!).port));
        stack.server = server;
        await server.waitForLine(/server listening on/);
      },
      openConsole: async (consoleData) => {
        const opened = await startConsole(serverUrl!, 0, consoleData, echo);
        others.push(opened.host);
        return opened.url;
      },
      stop: async () => {
        await Promise.all([host, ...others].map((running) => running.stop()));
        await server.stop();
      },
    };
    return stack;
  } catch (error) {
    await server.stop();
    throw error;
  }
}
