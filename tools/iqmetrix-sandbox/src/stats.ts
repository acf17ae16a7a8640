/** Counters for `GET /_sandbox/stats`: what benchmarks and tests count instead of parsing logs. */
export class SandboxStats {
  private requests = new Map<string, Map<number, number>>();
  private counters = new Map<string, number>();

  countRequest(route: string, status: number): void {
    const byStatus = this.requests.get(route) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.requests.set(route, byStatus);
  }

  increment(counter: string, by = 1): void {
    this.counters.set(counter, (this.counters.get(counter) ?? 0) + by);
  }

  get(counter: string): number {
    return this.counters.get(counter) ?? 0;
  }

  snapshot(): { requests: Record<string, Record<string, number>>; counters: Record<string, number> } {
    const requests: Record<string, Record<string, number>> = {};
    for (const [route, byStatus] of this.requests) {
      requests[route] = Object.fromEntries([...byStatus].map(([status, count]) => [String(status), count]));
    }
    return { requests, counters: Object.fromEntries(this.counters) };
  }

  reset(): void {
    this.requests.clear();
    this.counters.clear();
  }
}
