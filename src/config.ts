import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** The one reader of process.env: everything else takes a Config. */

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();

const chromiumCandidates = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // The application's role (owns nothing; see src/db/roles.ts) and, if different, the owner's, which
  // runs the migrations and grants. Without MIGRATION_DATABASE_URL one role does both, as before.
  DATABASE_URL: postgresUrl.optional(),
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  MIGRATE_ON_START: bool.default(true),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1).default('boardroom'),
  JWT_AUDIENCE: z.string().min(1).default('boardroom-api'),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(3600, 'access tokens must live at most an hour').default(900),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt.default(60 * 60 * 24 * 30),
  CHROMIUM_PATH: z.string().min(1).optional(),
  RENDER_POOL_SIZE: positiveInt.max(16).optional(),
  RENDER_TIMEOUT_MS: positiveInt.default(30_000),
  PROTECTIVE_MARKING: z.string().max(40).default('OFFICIAL'),
  // Who runs render jobs: "auto" = inside the API process on the embedded database (PGlite cannot be
  // shared between processes), `npm run worker` on PostgreSQL; "in-process" or "external" to choose.
  RENDER_WORKER: z.enum(['auto', 'in-process', 'external']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('false'),
  BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: positiveInt.default(20 * 1024 * 1024),
  LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt.default(10),
  // Slow clients: all headers within this long (slowloris), the whole request (body included, so an
  // upload at the limit over a slow line) within that; idle keep-alive and idle sockets closed after.
  HTTP_HEADERS_TIMEOUT_MS: positiveInt.default(15_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(120_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(72_000),
  HTTP_CONNECTION_TIMEOUT_MS: positiveInt.default(180_000),
  // Browser sessions end after this long unused, and this long after signing in whatever happens.
  SESSION_IDLE_MINUTES: positiveInt.max(24 * 60).default(30),
  SESSION_MAX_HOURS: positiveInt.max(7 * 24).default(12),
  // Where the public reaches this site: absolute links in the feeds. Unset, outside production only,
  // the request's own Host is used (fine for a developer, but a Host header is the client's to choose).
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
    .refine((value) => !/[?#]/.test(value), 'must have no query or fragment')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  // Per-process cache of signed-in callers and of API reads, dropped on every change (0 turns it off).
  READ_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  READ_CACHE_TTL_SECONDS: positiveInt.max(3600).default(60),
});

const checkedEnvSchema = envSchema
  .refine((e) => !e.MIGRATION_DATABASE_URL || e.DATABASE_URL, {
    message: 'needs DATABASE_URL too (the embedded database has one role)',
    path: ['MIGRATION_DATABASE_URL'],
  })
  .refine((e) => e.HTTP_HEADERS_TIMEOUT_MS <= e.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  })
  .refine((e) => e.HTTP_CONNECTION_TIMEOUT_MS > e.RENDER_TIMEOUT_MS, {
    // A socket is idle while its PDF renders: it must outlast the render deadline.
    message: 'must be longer than RENDER_TIMEOUT_MS',
    path: ['HTTP_CONNECTION_TIMEOUT_MS'],
  });

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** `migrationUrl`: the owner's connection, for migrations (DATABASE_URL's when not configured). */
  database: { kind: 'postgres'; url: string; migrationUrl: string } | { kind: 'embedded'; dataDir: string };
  dataDir: string;
  migrateOnStart: boolean;
  jwt: {
    secret: string;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
  };
  render: {
    chromiumPath: string;
    poolSize: number;
    timeoutMs: number;
    protectiveMarking: string;
    worker: 'auto' | 'in-process' | 'external';
  };
  logLevel: string;
  trustProxy: boolean | string;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  loginRateLimitPerMinute: number;
  /** Node's HTTP server: headers, whole request, idle keep-alive, idle socket (milliseconds). */
  httpTimeouts: { headersMs: number; requestMs: number; keepAliveMs: number; connectionMs: number };
  session: { idleMinutes: number; maxHours: number };
  /** Absolute base of the public site ("https://example.police.uk"), no trailing slash. */
  publicBaseUrl: string | undefined;
  readCache: { maxBytes: number; ttlMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as shells and compose files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = checkedEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const secret = e.JWT_SECRET ?? developmentSecret(e.NODE_ENV, dataDir);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pgdata') },
    dataDir,
    migrateOnStart: e.MIGRATE_ON_START,
    jwt: {
      secret,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    },
    render: {
      chromiumPath: e.CHROMIUM_PATH ?? defaultChromiumPath(),
      // One page per core, at least two: as src/documents/render/browser-pool.ts defaultPoolSize() explains.
      poolSize: e.RENDER_POOL_SIZE ?? Math.max(2, cpus().length),
      timeoutMs: e.RENDER_TIMEOUT_MS,
      protectiveMarking: e.PROTECTIVE_MARKING,
      worker: e.RENDER_WORKER,
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    httpTimeouts: {
      headersMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionMs: e.HTTP_CONNECTION_TIMEOUT_MS,
    },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    publicBaseUrl: e.PUBLIC_BASE_URL ?? requiredInProduction(e.NODE_ENV, 'PUBLIC_BASE_URL'),
    readCache: { maxBytes: e.READ_CACHE_MB * 1024 * 1024, ttlMs: e.READ_CACHE_TTL_SECONDS * 1000 },
  };
}

function requiredInProduction(nodeEnv: string, name: string): undefined {
  if (nodeEnv === 'production') throw new ConfigError([`${name}: required when NODE_ENV=production`]);
  return undefined;
}

function defaultChromiumPath(): string {
  return chromiumCandidates.find((p) => existsSync(p)) ?? chromiumCandidates[0]!;
}

/** "false" (default: X-Forwarded-For is ignored), "true", or a comma-separated list of proxy addresses. */
function parseTrustProxy(value: string): boolean | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

/**
 * Production must be given its secret. Elsewhere one is generated on first start and kept in the
 * data dir, so a restart keeps sessions valid.
 */
function developmentSecret(nodeEnv: string, dataDir: string): string {
  if (nodeEnv === 'production') {
    throw new ConfigError(['JWT_SECRET: required when NODE_ENV=production (at least 32 characters)']);
  }
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = z
      .object({ jwtSecret: z.string().min(32) })
      .safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (stored.success) return stored.data.jwtSecret;
  }
  mkdirSync(dataDir, { recursive: true });
  const jwtSecret = randomBytes(48).toString('base64url');
  writeFileSync(file, JSON.stringify({ jwtSecret }, null, 2), { mode: 0o600 });
  return jwtSecret;
}
