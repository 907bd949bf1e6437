import { afterEach, describe, expect, it, vi } from 'vitest';
import { unlimitedBudget } from '../../../rules/core/timeBudget';
import { budgetSignal } from '../../../rules/kit/liveCollector';

describe('budgetSignal', () => {
  afterEach(() => vi.useRealTimers());

  it('aborts when the time budget runs out, not before', () => {
    vi.useFakeTimers();
    const signal = budgetSignal({ remainingMs: () => 5_000, expired: () => false });

    vi.advanceTimersByTime(4_999);
    expect(signal?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal?.aborted).toBe(true);
  });

  it('is already aborted when the budget is spent', () => {
    expect(budgetSignal({ remainingMs: () => 0, expired: () => true })?.aborted).toBe(true);
  });

  it('gives no signal for a budget that never runs out (CLI, tests)', () => {
    expect(budgetSignal(unlimitedBudget)).toBeUndefined();
  });
});
