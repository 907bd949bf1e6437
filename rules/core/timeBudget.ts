/** What a rule polls to know whether it must stop. */
export interface TimeBudget {
  /** Milliseconds the rule may still spend (the Lambda's remaining time minus the reserve). */
  remainingMs(): number;
  /** True when the rule must stop and return what it has. */
  expired(): boolean;
}

export interface TimeBudgetOptions {
  /** The Lambda's `context.getRemainingTimeInMillis`. */
  readonly remainingTimeInMillis: () => number;
  /** Kept back for PutEvaluations, stale cleanup and logging. */
  readonly reserveMs: number;
}

/** Reserve for PutEvaluations: a base plus a share per batch of 100 evaluations. */
export const DEFAULT_RESERVE_MS = 10_000;

export function createTimeBudget(options: TimeBudgetOptions): TimeBudget {
  const remainingMs = (): number => Math.max(0, options.remainingTimeInMillis() - options.reserveMs);
  return { remainingMs, expired: () => remainingMs() <= 0 };
}

/** A budget that never runs out (CLI and tests that do not exercise the budget). */
export const unlimitedBudget: TimeBudget = {
  remainingMs: () => Number.POSITIVE_INFINITY,
  expired: () => false,
};
