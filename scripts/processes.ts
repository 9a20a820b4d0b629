import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Launched {
  child: ChildProcess;
  /** Resolves with the first line matching the pattern, rejects if the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point with tsx, echoing its output with a prefix so two processes stay readable. */
export function launchTs(entry: string, env: NodeJS.ProcessEnv, options: { echo?: boolean } = {}): Launched {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child, options.echo ?? true);
}

export function launchBinary(command: string, args: string[], env: NodeJS.ProcessEnv): Launched {
  return track(spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }), true);
}

function track(child: ChildProcess, echo: boolean): Launched {
  const waiters = new Set<(line: string) => void>();
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (echo) console.log(line);
      for (const waiter of waiters) waiter(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    waitForLine(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const earlier = output.map((line) => line.match(pattern)).find(Boolean);
        if (earlier) return resolve(earlier);
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output.join('\n')}`)), timeoutMs);
        const waiter = (line: string) => {
          const match = line.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(match);
        };
        waiters.add(waiter);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`process exited (${code}) before printing ${pattern}; output:\n${output.join('\n')}`));
        });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // The processes bound their own shutdown; this only guards against one wedged beyond that.
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
