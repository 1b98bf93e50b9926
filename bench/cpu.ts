// CPU time per process group from /proc (Linux), sampled per process so that processes
// starting or exiting during a run (PostgreSQL backends of a pool, pgbench's clients)
// cannot make a group's figure negative.
import { readFileSync, readdirSync } from "node:fs";

/** One process in one sample: its group name, identity (PID and start time) and CPU ticks so far. */
export interface ProcSample {
  pid: number;
  /** Start time since boot (field 22 of /proc/<pid>/stat): tells a reused PID from the old one. */
  start: number;
  group: string;
  ticks: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Parses one /proc/<pid>/stat line: the command name, utime + stime in ticks, and the start time. */
export function parseStat(line: string): { comm: string; ticks: number; start: number } | null {
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")"); // the command name may itself contain ")"
  if (open < 0 || close < open) return null;
  const fields = line.slice(close + 2).split(" ");
  // fields after the name: state(0) ppid(1) ... utime(11) stime(12) ... starttime(19)
  const ticks = Number(fields[11]) + Number(fields[12]);
  const start = Number(fields[19]);
  if (!Number.isFinite(ticks) || !Number.isFinite(start)) return null;
  return { comm: line.slice(open + 1, close), ticks, start };
}

/**
 * CPU seconds each group used between two samples. A process in both samples (same PID and
 * start time) counts its difference; one that appeared after the first sample counts all its
 * CPU time (it used it within the window); one that exited before the second sample counts
 * nothing (what it used after the first sample is no longer readable). Never negative.
 * Every group named in either sample appears in the result.
 */
export function cpuSecondsBetween(before: ProcSample[], after: ProcSample[]): Record<string, number> {
  const key = (p: ProcSample) => `${p.pid}:${p.start}`;
  const earlier = new Map(before.map((p) => [key(p), p]));
  const ticks: Record<string, number> = {};
  for (const p of before) ticks[p.group] ??= 0;
  for (const p of after) {
    const base = earlier.get(key(p))?.ticks ?? 0;
    ticks[p.group] = (ticks[p.group] ?? 0) + Math.max(0, p.ticks - base);
  }
  return Object.fromEntries(Object.entries(ticks).map(([group, t]) => [group, t / TICKS_PER_SECOND]));
}

/**
 * Samples every process that `classify` puts in a group (null: not of interest); `fixed`
 * names processes by PID (the server, this process) ahead of `classify`.
 */
export function sampleProcesses(
  fixed: Record<string, number>,
  classify: (comm: string) => string | null,
): ProcSample[] {
  const byPid = new Map(Object.entries(fixed).map(([group, pid]) => [pid, group]));
  const samples: ProcSample[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (!stat) continue;
      const group = byPid.get(pid) ?? classify(stat.comm);
      if (group) samples.push({ pid, start: stat.start, group, ticks: stat.ticks });
    } catch {
      // the process ended meanwhile
    }
  }
  // A fixed process that is gone still gets its group (with nothing to count).
  for (const [group, pid] of Object.entries(fixed)) {
    if (!samples.some((s) => s.pid === pid)) samples.push({ pid, start: -1, group, ticks: 0 });
  }
  return samples;
}
