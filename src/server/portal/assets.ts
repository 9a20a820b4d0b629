import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Asset {
  body: Buffer;
  contentType: string;
  /** Where pages link it: the content's hash in the URL lets browsers keep it for a year. */
  url: string;
}

function load(name: string, contentType: string): Asset {
  const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, contentType, url: `/portal/assets/${name}?v=${hash}` };
}

export const portalAssets: Record<string, Asset> = {
  'portal.css': load('portal.css', 'text/css; charset=utf-8'),
  'portal.js': load('portal.js', 'text/javascript; charset=utf-8'),
};
