// A ceiling on an import's heap. A batch's lines, rows and statements live for as long as
// the batch is in flight (about a second), so V8 moves them to the old generation, and it
// lets a busy old generation grow to several times what is live before it collects: a first
// import of 20,000 claims peaked at 230-260 MB of heap used (350 MiB of RSS) with about 60 MB
// live. Checked as each chunk of input is read (every few dozen lines; the check reads V8's
// heap statistics, about half a microsecond), the ceiling collects once the heap has grown past
// it: the same import then peaks at about 165 MB used (260-265 MiB of RSS) for the same speed
// (docs/BULK-FORMAT.md). Each collection stops the process for about 70 ms, a few times per
// 20,000 lines.
import v8 from "node:v8";
import vm from "node:vm";

/** Heap used, in bytes, past which an import collects. */
export const DEFAULT_HEAP_CEILING_BYTES = 160 * 1024 * 1024;

/**
 * V8's full collection, as `--expose-gc` gives it: set at run time, the flag exposes
 * `gc` to contexts created after it. Null where the engine refuses.
 */
function fullCollection(): (() => void) | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

let collector: (() => void) | null | undefined;

export class HeapCeiling {
  private threshold: number;

  /** `ceiling` in bytes of heap used; 0 turns it off. */
  constructor(private readonly ceiling: number) {
    this.threshold = ceiling;
  }

  /**
   * Collects when the heap used has grown past the threshold; returns whether it did.
   * After a collection the threshold is the ceiling or twice what is still live,
   * whichever is higher: a process whose live heap is above the ceiling (a server busy
   * with more than the import) collects once per live heap's worth of new garbage, not
   * at every batch.
   */
  check(): boolean {
    if (this.ceiling <= 0 || v8.getHeapStatistics().used_heap_size < this.threshold) return false;
    collector ??= fullCollection();
    if (!collector) return false;
    collector();
    this.threshold = Math.max(this.ceiling, 2 * v8.getHeapStatistics().used_heap_size);
    return true;
  }
}

let shared: HeapCeiling | undefined;

/** One ceiling per process, shared by its imports: the heap is the process's. */
export function processHeapCeiling(): HeapCeiling {
  shared ??= new HeapCeiling(DEFAULT_HEAP_CEILING_BYTES);
  return shared;
}
