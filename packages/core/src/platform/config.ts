import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SIYU_DATA_DIR: z.string().min(1).default('./.siyu'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  SIYU_MODE: z.enum(['demo', 'production']).optional(),
  SIYU_PUBLIC_URL: z.url('must be a URL such as https://siyu.example.com').optional(),
  SIYU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `inline`: the API process also runs jobs and the outbox; `off`: leave them to `siyu worker`. */
  SIYU_WORKER: z.enum(['inline', 'off']).default('inline'),
  SIYU_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /** The master key that seals secrets at rest (payment keys): 32 bytes as 64 hex characters or Base64. */
  SIYU_SECRET_KEY: z.string().min(1).optional(),
  /** Earlier master keys, comma-separated, still accepted for opening (key rotation). */
  SIYU_SECRET_KEYS_OLD: z.string().min(1).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  engine: 'pglite' | 'postgres';
  mode: 'demo' | 'production';
  publicUrl: string;
  logLevel: z.infer<typeof Env>['SIYU_LOG_LEVEL'];
  inlineWorker: boolean;
  secureCookies: boolean;
  /** SIYU_SECRET_KEY as given (checked by platform/secrets.ts); none: generated in demo mode. */
  secretKey: string | undefined;
  previousSecretKeys: string[];
};

export class ConfigError extends Error {}

/** Reads the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const engine = e.DATABASE_URL ? 'postgres' : 'pglite';
  const mode = e.SIYU_MODE ?? (engine === 'pglite' ? 'demo' : 'production');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SIYU_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    engine,
    mode,
    publicUrl: (e.SIYU_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    logLevel: e.SIYU_LOG_LEVEL,
    inlineWorker: e.SIYU_WORKER === 'inline',
    secureCookies: e.SIYU_SECURE_COOKIES ? e.SIYU_SECURE_COOKIES === 'true' : mode === 'production',
    secretKey: e.SIYU_SECRET_KEY,
    previousSecretKeys: (e.SIYU_SECRET_KEYS_OLD ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  };
}
