/**
 * A wake-up that is never lost: a wake() while nobody waits makes the next wait() return at once.
 * Many wakes before a wait count as one, which batches the relay's claims under load.
 */
export class WakeSignal {
  private pending = false;
  private resolve?: () => void;

  wake(): void {
    this.pending = true;
    this.resolve?.();
  }

  /** Resolves on the next wake (or at once if one is pending), or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending || timeoutMs <= 0) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.resolve = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.resolve = done;
    });
  }
}
