import { PauseGate } from './pause-gate';
import { RetryClock } from './retry-clock';

describe('RetryClock', () => {
  it('tells how long until the earliest scheduled retry, forgetting past ones', () => {
    // Given retries scheduled in 5 s and 2 s
    let now = 1_000_000;
    const clock = new RetryClock(() => now);
    clock.scheduled(5_000);
    clock.scheduled(2_000);
    // When asked / Then the earliest counts
    expect(clock.nextInMs()).toBe(2_000);
    // And once both are long past, there is none
    now += 10_000;
    expect(clock.nextInMs()).toBeUndefined();
  });
});

describe('PauseGate', () => {
  it('keeps the longest pause asked for', () => {
    // Given pauses of 3 s and then 1 s / When asked / Then 3 s remain, then none
    let now = 0;
    const gate = new PauseGate(() => now);
    gate.pause(3_000);
    gate.pause(1_000);
    expect(gate.remainingMs()).toBe(3_000);
    now = 3_500;
    expect(gate.remainingMs()).toBe(0);
  });
});
