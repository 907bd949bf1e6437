import type { FailEvaluation } from './configApi';

/** Faults the simulated AWS injects, on top of its rate limits. Decisions are deterministic per request. */
export interface FaultPlan {
  readonly seed?: number;
  /** Share of attempts answered with the service's throttling error, whatever the bucket says. */
  readonly throttleRate?: number;
  /** Share of attempts whose connection is reset before any answer (ECONNRESET). */
  readonly resetRate?: number;
  /** Share of attempts answered only after `timeoutMs`, with the connection then dropped. */
  readonly timeoutRate?: number;
  readonly timeoutMs?: number;
  /** Restricts the rates above to these APIs (`ec2:DescribeImageAttribute`); default all. */
  readonly apis?: readonly string[];
  /** AccessDenied for a whole account, a service (`ec2`), one API, or any mix of these. */
  readonly accessDenied?: readonly {
    readonly accountId?: string;
    readonly service?: string;
    readonly api?: string;
  }[];
  /**
   * Throttles the attempts this predicate picks (on top of `throttleRate`): bursts
   * (`attempt === 1`) or persistent throttling of one request (every attempt).
   */
  readonly throttleWhen?: (
    api: string,
    params: Readonly<Record<string, unknown>>,
    attempt: number,
  ) => boolean;
  /** APIs that never answer (the run's time budget must catch them). */
  readonly hang?: readonly string[];
  /** PutEvaluations: evaluations reported back in FailedEvaluations. */
  readonly failEvaluation?: FailEvaluation;
}

/** FNV-1a, as a float in [0, 1): a deterministic coin per (seed, request, attempt, purpose). */
export function coin(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const s = parts.join('\u0000');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}
