/** Counts API calls by `service:Operation` (e.g. `kms:GetKeyPolicy`), for benchmarks, logs and tests. */
export class ApiCallCounter {
  private readonly counts = new Map<string, number>();

  add(api: string): void {
    this.counts.set(api, (this.counts.get(api) ?? 0) + 1);
  }

  count(api: string): number {
    return this.counts.get(api) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** Counts by API name, sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
