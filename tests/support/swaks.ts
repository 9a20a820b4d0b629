import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBinary, runBinary, type Finished } from './system-binaries.js';

/** Debian's swaks (package swaks, installed by .ci/run): a real SMTP client, independent of nodemailer. */
export const SWAKS_BINARY = '/usr/bin/swaks';

export interface SwaksMessage {
  host: string;
  port: number;
  /** Envelope sender (MAIL FROM); swaks also uses it for the From header of a message it composes. */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string | string[];
  /** The whole message, delivered byte for byte; without it swaks composes one from the fields below. */
  raw?: string | Buffer;
  subject?: string;
  /** Replace the header of that name if the message has one, else add it. */
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Delivers one message with swaks. A rejected message is not an error here: the exit code is non-zero
 * and the output holds the whole SMTP conversation.
 */
export async function sendWithSwaks(message: SwaksMessage): Promise<Finished> {
  requireBinary(SWAKS_BINARY, 'swaks');
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-swaks-'));
  try {
    const args = ['--server', message.host, '--port', String(message.port), '--from', message.from, '--to', [message.to].flat().join(','), '--timeout', '10'];
    // Content goes through files with swaks' explicit "@file" form: a bare argument without a newline
    // would be read as a file name if a file of that name happened to exist.
    if (message.raw !== undefined) args.push('--data', `@${writeFile(dir, 'data.eml', withoutFinalLineBreak(message.raw))}`);
    if (message.body !== undefined) args.push('--body', `@${writeFile(dir, 'body.txt', message.body)}`);
    const headers = { ...(message.subject === undefined ? {} : { Subject: message.subject }), ...message.headers };
    for (const [name, value] of Object.entries(headers)) args.push('--header', `${name}: ${value}`);
    return await runBinary(SWAKS_BINARY, args);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** swaks ends DATA with CRLF.CRLF after the data, so a message that ends in a line break would gain one. */
function withoutFinalLineBreak(raw: string | Buffer): Buffer {
  // latin1 maps every byte to one character and back, so 8-bit content survives the round trip.
  return Buffer.from(Buffer.from(raw).toString('latin1').replace(/\r?\n$/, ''), 'latin1');
}

function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
