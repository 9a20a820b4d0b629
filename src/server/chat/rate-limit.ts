/**
 * A token bucket per key: `burst` actions at once, then one every `refillMs`. Held in memory, so a
 * restart forgives everyone, which is fine for pacing, not for quotas.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly refillMs: number,
    // Real elapsed time, not the desk's clock: pacing is about how fast someone types, whatever tests do to the date.
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the action may go ahead (and it is counted). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.refillMs);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    // Forget buckets that have filled up again, so the map holds only the recently active.
    if (this.buckets.size > 10_000) for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) / this.refillMs >= this.burst) this.buckets.delete(k);
    return allowed;
  }
}
