import v8 from "node:v8";
import { HeapCeiling } from "./heap-ceiling";

const MB = 1024 * 1024;
const used = () => v8.getHeapStatistics().used_heap_size;

/** About `mb` MB of objects that survive until released (kept in an array the caller drops). */
function allocate(mb: number): unknown[] {
  const held: unknown[] = [];
  for (let i = 0; i < mb * 1024; i += 1) held.push(new Array(128).fill(i));
  return held;
}

describe("HeapCeiling", () => {
  test("collects once the heap used is past the ceiling, and the garbage is gone", () => {
    let garbage: unknown[] | null = allocate(64);
    const ceiling = new HeapCeiling(1);
    // Old enough to have left the young generation: only a full collection frees it.
    const before = used();
    expect(garbage.length).toBeGreaterThan(0);
    garbage = null;
    expect(ceiling.check()).toBe(true);
    expect(used()).toBeLessThan(before - 32 * MB);
  });

  test("does nothing below the ceiling, or when it is 0", () => {
    expect(new HeapCeiling(used() + 512 * MB).check()).toBe(false);
    expect(new HeapCeiling(0).check()).toBe(false);
  });

  test("after a collection that leaves more live than the ceiling, waits for as much again of new garbage", () => {
    const live = allocate(48);
    const ceiling = new HeapCeiling(1);
    expect(ceiling.check()).toBe(true);
    // Still above the ceiling, but no new garbage: no collection at every batch.
    expect(ceiling.check()).toBe(false);
    let garbage: unknown[] | null = allocate(2 * Math.ceil(used() / MB));
    expect(garbage.length).toBeGreaterThan(0);
    garbage = null;
    expect(ceiling.check()).toBe(true);
    expect(live.length).toBeGreaterThan(0);
  });
});
