import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where the session token lives. The Electron shell can hand in an OS-keychain-backed store
 * (safeStorage); plain Node uses a file only its owner can read.
 */
export interface SecretStore {
  read(): string | null;
  write(secret: string): void;
  clear(): void;
}

export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  read(): string | null {
    return existsSync(this.file) ? readFileSync(this.file, 'utf8') : null;
  }

  write(secret: string): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, secret, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
