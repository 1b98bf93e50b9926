// `npm run bench:profile -- <file.cpuprofile>`: where a server's CPU time went, from a V8
// CPU profile (BENCH_PROFILE=<dir> npm run bench writes one). Prints the busy time (idle
// left out) by package, self and inclusive (a package counts once per sample when any of
// its functions is on the stack: the pg driver's time includes the socket writes it
// makes), and the functions with the most self time.
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const VM_FRAMES = new Map([
  ["(garbage collector)", "(garbage collection)"],
  ["(program)", "(V8 and native code)"],
  ["(idle)", "(idle)"],
]);

/** The package (or area) a frame belongs to. */
function areaOf(frame: CallFrame): string {
  const vm = VM_FRAMES.get(frame.functionName);
  if (vm) return vm;
  const { url } = frame;
  if (!url) return "(native: syscalls, JSON, builtins)";
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url.startsWith("wasm://")) return "@prisma/client (query compiler, WASM)";
  if (url.includes("/src/generated/")) return "@prisma/client (generated client)";
  if (url.includes("/src/") || url.includes("/dist/")) return "claimtrail";
  if (url.startsWith("node:")) return "node: " + (url.split("/").slice(-1)[0] ?? url);
  return url;
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run bench:profile -- <file.cpuprofile>");
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, time] of selfTime) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === "(idle)") {
      idle += time;
      continue;
    }
    busy += time;
    const area = areaOf(frame);
    self.set(area, (self.get(area) ?? 0) + time);
    const name = `${frame.functionName || "(anonymous)"}  [${area}${frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : ""}]`;
    functions.set(name, (functions.get(name) ?? 0) + time);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const atFrame = nodes.get(at)?.callFrame;
      // Packages only: native frames and Node's own event-loop frames sit under everything.
      const atArea = atFrame ? areaOf(atFrame) : "(";
      if (!atArea.startsWith("(") && !atArea.startsWith("node:")) onStack.add(atArea);
    }
    for (const onStackArea of onStack) inclusive.set(onStackArea, (inclusive.get(onStackArea) ?? 0) + time);
  }

  const print = (title: string, table: Map<string, number>, rows: number) => {
    console.log(`\n${title}`);
    for (const [name, time] of [...table].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
      console.log(`${((time / busy) * 100).toFixed(1).padStart(6)}%  ${name}`);
    }
  };
  console.log(
    `${file}: ${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle (shares are of busy time)`,
  );
  print("Self time by package", self, 20);
  print("Inclusive time by package (on the stack)", inclusive, 20);
  print("Functions with the most self time", functions, 25);
}

main();
