/** When the earliest retry this replica scheduled comes due, so the relay sleeps until then at most. */
export class RetryClock {
  private readonly dueTimes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  scheduled(delayMs: number): void {
    this.dueTimes.push(this.now() + delayMs);
  }

  /** Milliseconds until the next scheduled retry (past ones forgotten), or undefined. */
  nextInMs(): number | undefined {
    const now = this.now();
    let next: number | undefined;
    let kept = 0;
    for (const due of this.dueTimes) {
      if (due < now - 1_000) continue;
      this.dueTimes[kept++] = due;
      next = next === undefined ? due : Math.min(next, due);
    }
    this.dueTimes.length = kept;
    return next === undefined ? undefined : Math.max(0, next - now);
  }
}
