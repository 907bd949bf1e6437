export interface MemoryFigures {
  /** Peak resident set size of the process while sampling, MB. */
  readonly peakRssMb: number;
  /** Peak V8 heap used, MB. */
  readonly peakHeapUsedMb: number;
  /** RSS and heap when sampling started, MB. */
  readonly baselineRssMb: number;
  readonly baselineHeapUsedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

/** Samples `process.memoryUsage()` every `intervalMs` until stopped (peaks between samples can be missed). */
export function startMemorySampler(intervalMs = 50): { stop(): MemoryFigures } {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        peakRssMb: mb(peakRss),
        peakHeapUsedMb: mb(peakHeap),
        baselineRssMb: mb(base.rss),
        baselineHeapUsedMb: mb(base.heapUsed),
      };
    },
  };
}
