// One load run: autocannon against the server, with CPU time per process sampled from
// /proc, so the report can say which process saturated the CPU.
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";

export interface RunResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  cpu: Record<string, number>;
}

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /** Builds each request's JSON body. */
  body: () => string;
  /** Extra request headers (M1 sends an editor's API key). */
  headers?: Record<string, string>;
}

/** CPU seconds used so far by the server, by all PostgreSQL backends, and by this process. */
function cpuSeconds(serverPid: number): Record<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const read = (pid: string): number => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      return 0;
    }
  };
  let postgres = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres")) postgres += read(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return { server: read(String(serverPid)), postgres, "load generator": read(String(process.pid)) };
}

export async function runLoad(spec: LoadSpec, serverPid: number): Promise<RunResult> {
  let graphqlErrors = 0;
  const before = cpuSeconds(serverPid);
  const started = Date.now();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    method: "POST",
    headers: { "content-type": "application/json", ...spec.headers },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: spec.body() }),
        onResponse: (_status, body) => {
          if (body.includes('"errors"') || body.includes('"userErrors":[{')) graphqlErrors += 1;
        },
      },
    ],
  });
  const elapsed = (Date.now() - started) / 1000;
  const after = cpuSeconds(serverPid);
  const cpu = Object.fromEntries(
    Object.keys(after).map((name) => [name, ((after[name] ?? 0) - (before[name] ?? 0)) / elapsed]),
  );
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
    requests: result.requests.total,
    cpu,
  };
}
