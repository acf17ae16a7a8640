import { SeededRandom } from '../support/random';
import type { FaultTarget } from '../routing';

export type FaultPaths = FaultTarget | 'all';

export interface FaultSettings {
  /** Share of matching requests answered with `errorStatus` instead of being handled. */
  errorRate: number;
  errorStatus: number;
  /** Which requests the error, latency and drop faults apply to. */
  errorPaths: FaultPaths;
  latencyMs: number;
  latencyRate: number;
  /** Share of matching requests whose connection is destroyed without an answer. */
  dropConnectionRate: number;
  /** Share of new feed entries appended a second time with the same entry id (at-least-once). */
  duplicateEntryRate: number;
}

export interface FaultDecision {
  latencyMs: number;
  dropConnection: boolean;
  errorStatus: number | undefined;
}

export const NO_FAULTS: FaultSettings = {
  errorRate: 0,
  errorStatus: 503,
  errorPaths: 'all',
  latencyMs: 0,
  latencyRate: 1,
  dropConnectionRate: 0,
  duplicateEntryRate: 0,
};

/** Injected failures, decided by a seeded generator so a failing test run can be replayed. */
export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS };
  private random: SeededRandom;

  constructor(private readonly seed: string) {
    this.random = new SeededRandom(`${seed}:faults`);
  }

  /** Merges into the current settings; a `seed` restarts the fault sequence. */
  configure(changes: Partial<FaultSettings>, seed?: string): void {
    this.settings = { ...this.settings, ...changes };
    if (seed !== undefined) this.random = new SeededRandom(`${seed}:faults`);
  }

  clear(): void {
    this.settings = { ...NO_FAULTS };
    this.random = new SeededRandom(`${this.seed}:faults`);
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  decide(target: FaultTarget | undefined): FaultDecision {
    const s = this.settings;
    const decision: FaultDecision = { latencyMs: 0, dropConnection: false, errorStatus: undefined };
    if (s.errorPaths !== 'all' && s.errorPaths !== target) return decision;
    if (s.latencyMs > 0 && this.random.chance(s.latencyRate)) decision.latencyMs = s.latencyMs;
    if (this.random.chance(s.dropConnectionRate)) decision.dropConnection = true;
    else if (this.random.chance(s.errorRate)) decision.errorStatus = s.errorStatus;
    return decision;
  }

  shouldDuplicateEntry(): boolean {
    return this.random.chance(this.settings.duplicateEntryRate);
  }
}
