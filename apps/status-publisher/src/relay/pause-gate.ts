/** When iQmetrix asked everybody to wait (429 with a reset): no new PUT starts before that. */
export class PauseGate {
  private until = 0;

  constructor(private readonly now: () => number = Date.now) {}

  pause(ms: number): void {
    this.until = Math.max(this.until, this.now() + ms);
  }

  remainingMs(): number {
    return Math.max(0, this.until - this.now());
  }
}
