import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Dependencies stay external (shipped by electron-builder): better-sqlite3 cannot be bundled.
  main: {
    // The desktop core runs in a worker thread, and decodes pages in another; their entries sit beside
    // index.js, where startWorker looks.
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'desk-worker': resolve('src/main/core/worker/desk-worker.ts'),
          'decoder-worker': resolve('src/main/core/worker/decoder-worker.ts'),
        },
      },
    },
  },
  // A sandboxed preload must be CommonJS even though the package is ESM.
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      minify: true,
      rolldownOptions: {
        // The web bridge is the preload's twin for the browser host; it is injected there, never in Electron.
        input: { index: resolve('src/renderer/index.html'), 'web-bridge': resolve('src/preload/web/index.ts') },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
