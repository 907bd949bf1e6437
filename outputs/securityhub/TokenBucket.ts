export interface TokenBucketOptions {
  /** Tokens added per second (the sustained request rate). */
  readonly ratePerSecond: number;
  /** Most tokens held at once (the burst); the bucket starts full. */
  readonly capacity: number;
  /** Milliseconds clock (default `Date.now`): tests pass fake timers' clock. */
  readonly now?: () => number;
  /** Waits `ms` milliseconds (default `setTimeout`). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket: `take()` resolves when a token is available, so callers never exceed
 * `ratePerSecond` sustained (plus at most `capacity` at once). Callers are served in order.
 * Over any window of T seconds at most `capacity + ratePerSecond × T` takes resolve.
 */
export class TokenBucket {
  private readonly rate: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
    if (!(options.capacity >= 1)) throw new RangeError('capacity must be >= 1');
    this.rate = options.ratePerSecond;
    this.capacity = options.capacity;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.tokens = options.capacity;
    this.last = this.now();
  }

  /** Resolves once the caller may make one request. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeOne());
    this.queue = turn;
    return turn;
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate);
    this.last = t;
  }

  private async takeOne(): Promise<void> {
    this.refill();
    while (this.tokens < 1) {
      const waitMs = Math.ceil(((1 - this.tokens) / this.rate) * 1000);
      await this.sleep(waitMs);
      this.refill();
    }
    this.tokens -= 1;
  }
}
