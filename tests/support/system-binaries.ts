import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import type { Launched } from '../../scripts/processes.js';

export interface Finished {
  exitCode: number;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
}

/** Fails with the install command instead of a bare ENOENT from spawn. */
export function requireBinary(path: string, debianPackage: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install -y ${debianPackage} (.ci/run installs it)`);
}

/** Runs a command to its end, feeding it `input`; a non-zero exit is the caller's to judge. */
export function runBinary(command: string, args: string[], input?: string | Buffer): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A command that fails before reading all its input closes stdin; its exit code and output say why.
    child.stdin.on('error', () => {});
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8');
      if (code === null) reject(new Error(`${command} was killed by ${signal}; output:\n${output}`));
      else resolve({ exitCode: code, output });
    });
    child.stdin.end(input);
  });
}

/**
 * Waits until a fresh connection to the port is greeted with `ready`: a listening socket alone is not
 * enough, since Dovecot accepts connections before its auth process can serve them.
 */
export async function waitForGreeting(server: Launched, port: number, ready: RegExp, name: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await greets(port, ready))) {
    if (server.child.exitCode !== null) throw new Error(`${name} exited with code ${server.child.exitCode} before greeting (its output is above)`);
    if (Date.now() > deadline) throw new Error(`${name} did not greet on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function greets(port: number, ready: RegExp): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const settle = (greeted: boolean) => {
      socket.destroy();
      resolve(greeted);
    };
    socket.setTimeout(2_000, () => settle(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (ready.test(received)) settle(true);
    });
    socket.on('error', () => settle(false));
    socket.on('close', () => settle(false));
  });
}
