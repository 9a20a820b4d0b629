// Electron's own postinstall downloads its binary from GitHub. It is disabled in allowScripts so that
// `npm ci` stays green on machines without internet; here we try the same download and, when it cannot
// happen, say once what that means instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const installer = 'node_modules/electron/install.js';
if (existsSync(installer) && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
  if (result.status !== 0) {
    console.log('shiftdesk: the Electron binary could not be downloaded; `npm start` will open the console in a browser instead.');
  }
}
