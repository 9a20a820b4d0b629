import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBinary } from '../../scripts/processes.js';
import { freePort } from './free-port.js';
import { requireBinary, runBinary, waitForGreeting } from './system-binaries.js';

/** Debian's Dovecot (packages dovecot-core and dovecot-imapd, installed by .ci/run). */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';
const IMAP_BINARY = '/usr/lib/dovecot/imap';
/** Dovecot's own local delivery agent, so a delivered message arrives the way an MTA would hand it over. */
const LDA_BINARY = '/usr/lib/dovecot/dovecot-lda';

const USER = 'desk@example.test';
const PASSWORD = 'desk-imap-password';
/**
 * Debian's nobody:nogroup owns the mail: Dovecot refuses uid 0 for mail access even with
 * first_valid_uid = 0, so root's test process cannot simply own the maildir itself.
 */
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export interface RunningDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Puts a message into the user's INBOX, as a mail server's final delivery would. */
  deliver(rawMime: string | Buffer): Promise<void>;
  stop(): Promise<void>;
}

/** A real Dovecot IMAP server with one plaintext-login user, run from a private config in a temp dir. */
export async function startDovecot(): Promise<RunningDovecot> {
  requireBinary(DOVECOT_BINARY, 'dovecot-core');
  requireBinary(IMAP_BINARY, 'dovecot-imapd');
  // Dovecot starts its login and auth processes as the dovenull and dovecot users, which needs root.
  if (process.getuid?.() !== 0) throw new Error('startDovecot needs root: Dovecot switches to its own users');
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-dovecot-'));
  const port = await freePort();
  const config = writeConfig(dir, port);
  const dovecot = launchBinary(DOVECOT_BINARY, ['-F', '-c', config], {});
  const stop = async () => {
    await dovecot.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForGreeting(dovecot, port, /^\* OK .*ready\./m, 'Dovecot');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    async deliver(rawMime) {
      // -e: report a rejection on stderr and in the exit code instead of mailing a bounce.
      const { exitCode, output } = await runBinary(LDA_BINARY, ['-c', config, '-e', '-d', USER], rawMime);
      if (exitCode !== 0) throw new Error(`dovecot-lda exited with code ${exitCode}:\n${output}`);
    },
    stop,
  };
}

/** Writes the config, its user file and the mail user's home into dir; returns the config's path. */
function writeConfig(dir: string, port: number): string {
  // The mail user has to pass through the root-owned temp dir to reach its home.
  chmodSync(dir, 0o711);
  const home = join(dir, 'home');
  mkdirSync(home);
  chownSync(home, MAIL_UID, MAIL_GID);
  const users = join(dir, 'users');
  writeFileSync(users, `${USER}:{PLAIN}${PASSWORD}:${MAIL_UID}:${MAIL_GID}::${join(home, USER)}::\n`);
  const config = join(dir, 'dovecot.conf');
  writeFileSync(
    config,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      'log_path = /dev/stderr',
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      // Dovecot answers a failed login only after 2 s by default, against guessing; a test has nothing to fear.
      'auth_failure_delay = 0',
      'mail_location = maildir:~/Maildir',
      `passdb {\n  driver = passwd-file\n  args = ${users}\n}`,
      `userdb {\n  driver = passwd-file\n  args = ${users}\n}`,
      `service imap-login {\n  inet_listener imap {\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      '',
    ].join('\n'),
  );
  return config;
}
