import { ConfigError, loadConfig } from "./config";

function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected loadConfig to throw");
}

describe("loadConfig", () => {
  it("applies the defaults to an empty environment", () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: "production",
      PORT: 4000,
      HOST: "0.0.0.0",
      EMBEDDED_PG_DIR: ".data/postgres",
      EMBEDDED_PG_PORT: 54329,
      SEED_DEMO_DATA: true,
      MIGRATE_ON_START: true,
      LOG_LEVEL: "info",
      DATABASE_POOL_SIZE: 10,
      WEBHOOK_WORKER: true,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: false,
      DATABASE_POOL_WAIT_MS: 5_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
      OPERATION_TIMEOUT_MS: 10_000,
      QUERY_MAX_COST: 25_000,
      QUERY_MAX_DEPTH: 12,
      QUERY_MAX_ALIASES: 20,
      QUERY_MAX_DIRECTIVES: 50,
      QUERY_MAX_TOKENS: 5_000,
      RATE_LIMIT_STORE: "postgres",
      REDIS_URL: "redis://127.0.0.1:6379",
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_KEY_POINTS: 1_000_000,
      RATE_LIMIT_ANONYMOUS_POINTS: 100_000,
      RATE_LIMIT_AUTH_FAILURES: 20,
      API_KEY_CACHE_SIZE: 10_000,
      API_KEY_CACHE_TTL_SECONDS: 300,
      LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT: 100,
      LIVE_REPLAY_WINDOW_HOURS: 168,
      LIVE_KEEPALIVE_SECONDS: 15,
      GRAPHQL_EXECUTOR: "jit",
      TRUST_PROXY: false,
      EXPLORER: true,
    });
  });

  it("reads the request limits and rate limits, and TRUST_PROXY as a boolean, a hop count or a list", () => {
    const config = loadConfig({
      QUERY_MAX_COST: "1000",
      RATE_LIMIT_STORE: "redis",
      REDIS_URL: "redis://cache:6379",
      DATABASE_POOL_PER_CLIENT: "3",
      TRUST_PROXY: "1",
    });
    expect(config).toMatchObject({
      QUERY_MAX_COST: 1000,
      RATE_LIMIT_STORE: "redis",
      REDIS_URL: "redis://cache:6379",
      DATABASE_POOL_PER_CLIENT: 3,
      TRUST_PROXY: 1,
    });
    expect(loadConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8");
    expect(() => loadConfig({ RATE_LIMIT_STORE: "mongo" })).toThrow(/RATE_LIMIT_STORE/);
    expect(() => loadConfig({ REDIS_URL: "http://cache" })).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
  });

  it("coerces numeric and boolean variables from strings", () => {
    const config = loadConfig({
      PORT: "8080",
      EMBEDDED_PG_PORT: "6543",
      DATABASE_POOL_SIZE: "25",
      SEED_DEMO_DATA: "false",
      MIGRATE_ON_START: "false",
      WEBHOOK_WORKER: "false",
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    });
    expect(config).toMatchObject({
      PORT: 8080,
      EMBEDDED_PG_PORT: 6543,
      DATABASE_POOL_SIZE: 25,
      SEED_DEMO_DATA: false,
      MIGRATE_ON_START: false,
      WEBHOOK_WORKER: false,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: true,
    });
  });

  it("reads the API key cache's size (0 turns it off) and TTL", () => {
    expect(loadConfig({ API_KEY_CACHE_SIZE: "0", API_KEY_CACHE_TTL_SECONDS: "60" })).toMatchObject({
      API_KEY_CACHE_SIZE: 0,
      API_KEY_CACHE_TTL_SECONDS: 60,
    });
    expect(() => loadConfig({ API_KEY_CACHE_SIZE: "-1" })).toThrow(/API_KEY_CACHE_SIZE/);
    expect(() => loadConfig({ API_KEY_CACHE_TTL_SECONDS: "0" })).toThrow(/API_KEY_CACHE_TTL_SECONDS/);
  });

  it("accepts postgres:// and postgresql:// database URLs", () => {
    expect(loadConfig({ DATABASE_URL: "postgresql://u@db:5432/app" }).DATABASE_URL).toBe("postgresql://u@db:5432/app");
    expect(loadConfig({ DATABASE_URL: "postgres://u@db/app" }).DATABASE_URL).toBe("postgres://u@db/app");
  });

  it("leaves DATABASE_URL undefined when unset", () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
  });

  it("rejects a non-PostgreSQL DATABASE_URL with a message naming it", () => {
    expect(configErrorOf({ DATABASE_URL: "mysql://u@db/app" }).message).toBe(
      "Invalid configuration:\n  DATABASE_URL: must be a postgresql:// connection URL",
    );
  });

  it.each(["abc", "65536", "-1", "80.5"])("rejects PORT=%p with a message naming PORT", (port) => {
    const error = configErrorOf({ PORT: port });
    expect(error.name).toBe("ConfigError");
    expect(error.message).toMatch(/^Invalid configuration:\n {2}PORT: /);
  });

  it("lists every bad variable", () => {
    const lines = configErrorOf({ PORT: "abc", LOG_LEVEL: "loud", DATABASE_URL: "x" }).message.split("\n");
    expect(lines.slice(1).map((line) => line.trim().split(":")[0])).toEqual(["PORT", "DATABASE_URL", "LOG_LEVEL"]);
  });
});
