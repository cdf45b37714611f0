import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1d4f91');

/** Every environment variable Probity reads, validated once at boot. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PROBITY_DATA_DIR: z.string().min(1).default('./data'),
  PROBITY_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PROBITY_DEMO: booleanFromEnv.default(true),
  PROBITY_BASE_URL: z.url().optional(),
  COUNCIL_NAME: z.string().min(1).max(120).default('Demo City Council'),
  COUNCIL_BRAND_COLOUR: hexColour.default('#1d4f91'),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(12),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Probity <probity@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema> & { baseUrl: string; dataDir: string };

export class ConfigError extends Error {}

/** Parse the environment; a bad value throws a ConfigError naming each variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(
      `Probity cannot start: the configuration is not valid.\n${lines.join('\n')}`,
    );
  }
  const parsed = result.data;
  return {
    ...parsed,
    dataDir: path.resolve(parsed.PROBITY_DATA_DIR),
    baseUrl: (parsed.PROBITY_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
  };
}
