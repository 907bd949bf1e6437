import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from '../../../../outputs/securityhub/TokenBucket';

/** Most calls that fall in any half-open window [t, t + windowMs). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  let max = 0;
  for (const start of times)
    max = Math.max(max, times.filter((t) => t >= start && t < start + windowMs).length);
  return max;
}

describe('TokenBucket', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a full bucket serve its capacity at once, then paces at the rate', async () => {
    // Prepare
    const bucket = new TokenBucket({ ratePerSecond: 10, capacity: 10 });
    const times: number[] = [];
    // Act
    const all = Promise.all(
      Array.from({ length: 25 }, () => bucket.take().then(() => times.push(Date.now()))),
    );
    await vi.runAllTimersAsync();
    await all;
    // Assess
    expect(times).toHaveLength(25);
    expect(times.filter((t) => t === 0)).toHaveLength(10);
    expect(times.at(-1)).toBeGreaterThanOrEqual(1500);
    expect(times.at(-1)).toBeLessThanOrEqual(1600);
  });

  it.each([
    { rate: 10, capacity: 10, calls: 60 },
    { rate: 10, capacity: 1, calls: 35 },
    { rate: 3, capacity: 3, calls: 20 },
  ])(
    'never lets more than capacity + rate × T calls through in a window of T seconds (rate $rate, capacity $capacity)',
    async ({ rate, capacity, calls }) => {
      // Prepare
      const bucket = new TokenBucket({ ratePerSecond: rate, capacity });
      const times: number[] = [];
      // Act
      const all = Promise.all(
        Array.from({ length: calls }, () => bucket.take().then(() => times.push(Date.now()))),
      );
      await vi.runAllTimersAsync();
      await all;
      // Assess
      for (const seconds of [1, 2, 3]) {
        expect(maxInWindow(times, seconds * 1000)).toBeLessThanOrEqual(capacity + rate * seconds);
      }
      const sustained = (calls - capacity) / ((times.at(-1) ?? 0) / 1000);
      expect(sustained).toBeLessThanOrEqual(rate + 1e-9);
    },
  );

  it('serves callers in the order they asked', async () => {
    // Prepare
    const bucket = new TokenBucket({ ratePerSecond: 5, capacity: 1 });
    const order: number[] = [];
    // Act
    const all = Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    await vi.runAllTimersAsync();
    await all;
    // Assess
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it.each([
    { ratePerSecond: 0, capacity: 1 },
    { ratePerSecond: 1, capacity: 0 },
  ])('refuses a rate of $ratePerSecond or a capacity of $capacity', (options) => {
    expect(() => new TokenBucket(options)).toThrow(RangeError);
  });
});
