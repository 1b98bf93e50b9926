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
    });
  });

  it("coerces numeric and boolean variables from strings", () => {
    const config = loadConfig({
      PORT: "8080",
      EMBEDDED_PG_PORT: "6543",
      DATABASE_POOL_SIZE: "25",
      SEED_DEMO_DATA: "false",
      MIGRATE_ON_START: "false",
      WEBHOOK_WORKER: "false",
    });
    expect(config).toMatchObject({
      PORT: 8080,
      EMBEDDED_PG_PORT: 6543,
      DATABASE_POOL_SIZE: 25,
      SEED_DEMO_DATA: false,
      MIGRATE_ON_START: false,
      WEBHOOK_WORKER: false,
    });
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
