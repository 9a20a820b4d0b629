import { resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  SHIFTDESK_PORT: z.coerce.number().int().min(0).max(65_535).default(4780),
  SHIFTDESK_HOST: z.string().min(1).default('127.0.0.1'),
  SHIFTDESK_DATA: z.string().min(1).default('.shiftdesk/server'),
  /** Demo data is seeded into an empty data folder unless this is "0". */
  SHIFTDESK_DEMO: z.enum(['0', '1']).default('1'),
  /** How long deletions stay in the change log; consoles offline for longer resync from scratch. */
  SHIFTDESK_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** Where customers reach the portal and surveys (behind a proxy: its public address); defaults to the listening address. */
  SHIFTDESK_PUBLIC_URL: z.url().optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logRetentionDays: number;
  publicUrl: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return {
    port: parsed.data.SHIFTDESK_PORT,
    host: parsed.data.SHIFTDESK_HOST,
    dataDir: resolve(parsed.data.SHIFTDESK_DATA),
    seedDemo: parsed.data.SHIFTDESK_DEMO === '1',
    logRetentionDays: parsed.data.SHIFTDESK_LOG_RETENTION_DAYS,
    publicUrl: parsed.data.SHIFTDESK_PUBLIC_URL ?? `http://${parsed.data.SHIFTDESK_HOST}:${parsed.data.SHIFTDESK_PORT}`,
  };
}
