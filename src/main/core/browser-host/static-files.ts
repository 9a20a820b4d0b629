import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * The built renderer, served as is, except that index.html gets the web bridge before the app's own
 * script: the browser twin of the Electron preload, so `window.desk` exists when the app starts.
 */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<StaticFile | null> {
  const relative = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)).replace(/^([/\\])+/, '');
  const file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep)) return null;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return null;
  }
  const extension = extname(file);
  if (relative === 'index.html') {
    const html = body.toString('utf8').replace('<script', '<script type="module" src="./web-bridge.js"></script>\n    <script');
    body = Buffer.from(html);
  }
  return { body, contentType: contentTypes[extension] ?? 'application/octet-stream' };
}
