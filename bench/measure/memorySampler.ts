export interface MemoryFigures {
  /** Peak resident set size of the whole process (simulator and synthetic state included), MB. */
  readonly peakRssMb: number;
  /** Peak V8 heap used, MB. */
  readonly peakHeapUsedMb: number;
  /** RSS and heap when sampling started (the simulator's state already built), MB. */
  readonly baselineRssMb: number;
  readonly baselineHeapUsedMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

/** Samples `process.memoryUsage()` every `intervalMs` until stopped; peak RSS also from `resourceUsage().maxRSS`. */
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
      // maxRSS is in kilobytes, for the whole life of the process.
      peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
      return {
        peakRssMb: mb(peakRss),
        peakHeapUsedMb: mb(peakHeap),
        baselineRssMb: mb(base.rss),
        baselineHeapUsedMb: mb(base.heapUsed),
      };
    },
  };
}
