import { Worker } from 'node:worker_threads';

/**
 * A worker entry that sits next to the module asking for it: a .ts file when running from source under
 * tsx, the built .js file in the packaged app (every entry is built into the same folder).
 */
export function entryBeside(moduleUrl: string, name: string): URL {
  // tsx marks the modules it loads with a query (?tsx-namespace=…), so the path is what tells.
  return new URL(`./${name}${new URL(moduleUrl).pathname.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}

/**
 * Starts a worker thread on an entry. From source (tsx, vitest) the worker has to load TypeScript too;
 * a loader flag passed to a worker does not take in Node 20, so a one-line bootstrap imports the entry
 * through tsx's API.
 */
export function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
