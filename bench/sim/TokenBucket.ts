/**
 * AWS's request-rate model (EC2 documents it; KMS and Config behave alike): a bucket of `capacity`
 * tokens refilled at `refillPerSecond`; each request takes one token or is throttled.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: () => number,
  ) {
    if (!(capacity >= 1) || !(refillPerSecond > 0))
      throw new RangeError(
        `token bucket: capacity >= 1 and refill > 0 expected, got ${capacity}/${refillPerSecond}`,
      );
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes a token if one is there; false means the request is throttled. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.refillPerSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
