/** npm run bench: every benchmark, each writing its JSON under bench/results/. */
await import('./sla.js');
await import('./sync.js');
await import('./sync-scale.js');
await import('./fanout.js');
await import('./console.js');
await import('./analytics.js');
