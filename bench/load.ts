// One load run: autocannon against the server, with CPU time per process sampled from
// /proc, so the report can say which process saturated the CPU.
import autocannon from "autocannon";
import { cpuSecondsBetween, sampleProcesses } from "./cpu";

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

/** The processes whose CPU time a run reports: the server, all PostgreSQL backends, and this process. */
function sample(serverPid: number) {
  return sampleProcesses({ server: serverPid, "load generator": process.pid }, (comm) =>
    comm.startsWith("postgres") ? "postgres" : null,
  );
}

export async function runLoad(spec: LoadSpec, serverPid: number): Promise<RunResult> {
  let graphqlErrors = 0;
  const before = sample(serverPid);
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
  const used = cpuSecondsBetween(before, sample(serverPid));
  const cpu = Object.fromEntries(
    ["server", "postgres", "load generator"].map((name) => [name, (used[name] ?? 0) / elapsed]),
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
