import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBinary } from '../../scripts/processes.js';
import { freePort } from './free-port.js';
import { requireBinary, waitForGreeting } from './system-binaries.js';

/**
 * Debian's aiosmtpd (package python3-aiosmtpd, installed by .ci/run). Its own script, not `python3 -m`:
 * the python3 first on PATH may be another installation without the module.
 */
export const AIOSMTPD_BINARY = '/usr/bin/aiosmtpd';
const HANDLER_DIR = dirname(fileURLToPath(import.meta.url));

export interface SunkMessage {
  /** The envelope sender (MAIL FROM), not the From header. */
  from: string;
  /** The envelope recipients (RCPT TO), Bcc included. */
  to: string[];
  /** The message exactly as received in DATA, CRLF line ends included. */
  raw: string;
}

export interface RunningSmtpSink {
  host: string;
  port: number;
  /** Every message received so far, in arrival order. */
  messages(): Promise<SunkMessage[]>;
  /** Resolves with the messages once at least `count` have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMessage[]>;
  stop(): Promise<void>;
}

/** A real SMTP server that accepts every message and keeps it, for tests of outbound mail. */
export async function startSmtpSink(): Promise<RunningSmtpSink> {
  requireBinary(AIOSMTPD_BINARY, 'python3-aiosmtpd');
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-smtp-sink-'));
  const port = await freePort();
  const sink = launchBinary(
    AIOSMTPD_BINARY,
    // --nosetuid: as root it would otherwise become nobody, who cannot write into the temp dir.
    ['--nosetuid', '--listen', `127.0.0.1:${port}`, '--class', 'smtp_sink.FolderSink', dir],
    // No bytecode: the handler lives in the work tree, which must stay free of __pycache__.
    { PYTHONPATH: HANDLER_DIR, PYTHONDONTWRITEBYTECODE: '1' },
  );
  const stop = async () => {
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForGreeting(sink, port, /^220 /m, 'aiosmtpd');
  } catch (error) {
    await stop();
    throw error;
  }
  const messages = () => readMessages(dir);
  return {
    host: '127.0.0.1',
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const received = await messages();
        if (received.length >= count) return received;
        if (Date.now() > deadline) throw new Error(`SMTP sink got ${received.length} of ${count} messages within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop,
  };
}

async function readMessages(dir: string): Promise<SunkMessage[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (name) => {
      const stored = JSON.parse(await readFile(join(dir, name), 'utf8')) as { from: string; to: string[]; raw: string };
      return { from: stored.from, to: stored.to, raw: Buffer.from(stored.raw, 'base64').toString('utf8') };
    }),
  );
}
