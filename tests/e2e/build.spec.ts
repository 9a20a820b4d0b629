import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// A sandboxed preload can require nothing but electron; a stray dependency only fails inside Electron,
// which these machines cannot run, so the built bundle is checked here instead.
test('the built preload is CommonJS and requires nothing but electron', () => {
  const preload = readFileSync('out/preload/index.cjs', 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect(new Set(required)).toEqual(new Set(['electron']));
  expect(preload).not.toMatch(/^\s*(import|export)\s/m);
});
