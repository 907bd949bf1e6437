import type { ApiQuota } from '../sim/quotas';

/** Calls a run cannot avoid, by API, grouped in phases that must follow each other. */
export type RequiredCalls = readonly Readonly<Record<string, number>>[];

export interface BoundFigures {
  /** The time the rate limits alone impose: per phase, the slowest API's (calls - burst) / refill. */
  readonly rateLimitMs: number;
  /** The same plus one service time per phase (a phase cannot end before its last call returns). */
  readonly rateLimitPlusLatencyMs: number;
  /** The API that sets the bound of each phase. */
  readonly bottlenecks: readonly string[];
}

/**
 * The lower bound the quotas set on a run: a bucket of B tokens refilled at R/s lets N calls
 * through in no less than max(0, N - B) / R seconds, whatever the client does. Phases (collect,
 * cleanup, put) are sequential; APIs inside a phase run in parallel.
 */
export function rateLimitBound(
  phases: RequiredCalls,
  quotas: Readonly<Record<string, ApiQuota>>,
): BoundFigures {
  let rate = 0;
  let withLatency = 0;
  const bottlenecks: string[] = [];
  for (const phase of phases) {
    let worst = 0;
    let worstApi = '';
    let latency = 0;
    for (const [api, calls] of Object.entries(phase)) {
      const q = quotas[api];
      if (!q || calls <= 0) continue;
      const ms = (Math.max(0, calls - q.bucket) / q.refillPerSecond) * 1000;
      latency = Math.max(latency, q.latencyMs);
      if (ms >= worst) {
        worst = ms;
        worstApi = api;
      }
    }
    rate += worst;
    withLatency += worst + latency;
    if (worstApi) bottlenecks.push(worstApi);
  }
  return { rateLimitMs: Math.round(rate), rateLimitPlusLatencyMs: Math.round(withLatency), bottlenecks };
}
