// The one place that reads the environment: parsed and validated at start-up, so a bad
// value stops the server with a clear message instead of failing later.
import { z } from "zod";

const configSchema = z.object({
  /** production unless said otherwise: unexpected errors are masked; `npm run dev` sets development. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** When unset, an embedded PostgreSQL is started (see db/embedded-postgres.ts). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  /** Port of the embedded PostgreSQL: not 5432, so it never clashes with a system server. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Load the demo seed case (once) at start-up. */
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** Run `prisma migrate deploy` at start-up. */
  MIGRATE_ON_START: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Size of the PostgreSQL connection pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Connections one client (API key, or address when anonymous) may hold at once; default half the pool. */
  DATABASE_POOL_PER_CLIENT: z.coerce.number().int().min(1).max(200).optional(),
  /** How long a request waits for a pooled connection before a retryable SERVICE_UNAVAILABLE. */
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** PostgreSQL `statement_timeout` of the server's connections. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Deadline of one GraphQL operation: past it, no further SQL runs and the request ends with OPERATION_TIMEOUT. */
  OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Highest cost of one operation (see README "Limits"). */
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(25_000),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(20),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(50),
  /** Parser limit: a document of more tokens is refused before it is parsed whole. */
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  /** Where rate-limit budgets live: shared by every instance (postgres, redis), or this process only (memory), or off. */
  RATE_LIMIT_STORE: z.enum(["postgres", "redis", "memory", "off"]).default("postgres"),
  /** Redis for RATE_LIMIT_STORE=redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .default("redis://127.0.0.1:6379"),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Cost points per window for each API key. */
  RATE_LIMIT_KEY_POINTS: z.coerce.number().int().min(1).default(1_000_000),
  /** Cost points per window for each client address without a key. */
  RATE_LIMIT_ANONYMOUS_POINTS: z.coerce.number().int().min(1).default(100_000),
  /** Failed authentications per window from one address before it is refused with RATE_LIMITED. */
  RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().min(1).default(20),
  /**
   * API keys each server process keeps in memory (0: none, every request reads its key from
   * the database). Changes reach every process through LISTEN/NOTIFY, see api-key-cache.ts.
   */
  API_KEY_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  /** How long a cached key is trusted without hearing of a change (a safety net). */
  API_KEY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** Subscriptions (claimEvents) one client, an API key or an address without one, may hold open on one instance. */
  LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(100),
  /** How far back `claimEvents(after:)` replays: an older cursor gets CURSOR_EXPIRED. */
  LIVE_REPLAY_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(168),
  /** How often an idle WebSocket connection is pinged; one that does not answer by the next ping is dropped. */
  LIVE_KEEPALIVE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(15),
  /**
   * How operations are executed: compiled by graphql-jit (default), or interpreted by
   * graphql-js (the reference implementation, kept as a fallback and for comparison).
   */
  GRAPHQL_EXECUTOR: z.enum(["jit", "graphql-js"]).default("jit"),
  /** Express `trust proxy`: behind a load balancer, set it so client addresses come from X-Forwarded-For. */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value): boolean | number | string =>
      value === "true" ? true : value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value,
    ),
  /** Run the webhook delivery worker in this process (false: another process runs it, or none). */
  WEBHOOK_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /**
   * Let webhooks reach loopback, private, link-local and other special-use addresses (an
   * internal receiver, development). Off: such endpoints are refused at registration and delivery.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /**
   * Serve the explorer (GraphiQL, built into dist/explorer) on GET / and on a browser's GET
   * /graphql. On unless set false: `npm start` shows it; a production deployment that serves
   * the API alone sets EXPLORER=false.
   */
  EXPLORER: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT=) means "not set", not the empty string or zero.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
