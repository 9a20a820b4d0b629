import { config } from 'zod';

/**
 * The shared contract builds zod schemas when it loads, and zod then probes `new Function` to see if
 * it may compile fast parsers. Our CSP forbids eval, so the probe shows up as a CSP violation in the
 * console. The renderer never parses with these schemas (the host does), so it turns the probe off.
 * Imported first by main.tsx, before anything that loads a schema.
 */
config({ jitless: true });
