// The benchmark's CPU accounting (bench/cpu.ts): processes that start or exit between the
// two samples must not make a group's CPU time negative.
import { cpuSecondsBetween, parseStat, type ProcSample } from "../bench/cpu";

const proc = (pid: number, group: string, ticks: number, start = 1000): ProcSample => ({ pid, start, group, ticks });

describe("cpuSecondsBetween", () => {
  it("counts the difference of a process present in both samples", () => {
    expect(cpuSecondsBetween([proc(10, "server", 500)], [proc(10, "server", 750)])).toEqual({ server: 2.5 });
  });

  it("does not go negative when a busy process exits between the samples", () => {
    // the case that printed "postgres -55%": a backend with 40 s of CPU left the pool
    const before = [proc(20, "postgres", 4000), proc(21, "postgres", 100)];
    const after = [proc(21, "postgres", 300)];
    expect(cpuSecondsBetween(before, after)).toEqual({ postgres: 2 });
  });

  it("counts all the CPU time of a process that appeared after the first sample", () => {
    const before = [proc(21, "postgres", 100)];
    const after = [proc(21, "postgres", 300), proc(22, "postgres", 150)];
    expect(cpuSecondsBetween(before, after)).toEqual({ postgres: 3.5 });
  });

  it("treats a reused PID with another start time as a new process", () => {
    const before = [proc(30, "postgres", 900, 1000)];
    const after = [proc(30, "postgres", 50, 2000)];
    expect(cpuSecondsBetween(before, after)).toEqual({ postgres: 0.5 });
  });

  it("keeps a group that has no process left, at zero", () => {
    expect(cpuSecondsBetween([proc(40, "postgres", 10)], [proc(41, "server", 10, 5)])).toEqual({
      postgres: 0,
      server: 0.1,
    });
  });

  it("is never negative, whatever the samples", () => {
    const before = [proc(1, "a", 500), proc(2, "a", 700), proc(3, "b", 900)];
    const after = [proc(1, "a", 400), proc(3, "b", 950, 7), proc(4, "b", 0)];
    for (const seconds of Object.values(cpuSecondsBetween(before, after))) expect(seconds).toBeGreaterThanOrEqual(0);
  });
});

describe("parseStat", () => {
  it("reads utime + stime and the start time, even with a parenthesis in the name", () => {
    const line = "1234 (post) gres) S 1 1234 1234 0 -1 4194560 100 0 0 0 70 30 0 0 20 0 1 0 98765 1000 10";
    expect(parseStat(line)).toEqual({ comm: "post) gres", ticks: 100, start: 98765 });
  });

  it("rejects a line it cannot read", () => {
    expect(parseStat("garbage")).toBeNull();
  });
});
