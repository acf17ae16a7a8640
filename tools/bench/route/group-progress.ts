import type { Admin } from 'kafkajs';

const TIMEOUT_MS = 180_000;

export interface Throughput {
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

/** Per partition, where a run starts and where it must end. */
export type OffsetRange = Map<number, { start: bigint; end: bigint }>;

/**
 * Measures how fast `groupId` commits its way through `range` of `topic`, watching the group's
 * committed offsets from outside every `pollMs`. The clock starts at the first commit seen (so the
 * consumer's start-up, group join and JIT warm-up are left out for both contenders alike) and
 * stops when everything is committed.
 */
export async function measureGroup(admin: Admin, groupId: string, topic: string, range: OffsetRange, pollMs = 25): Promise<Throughput> {
  const total = [...range.values()].reduce((sum, { start, end }) => sum + (end - start), 0n);
  const deadline = performance.now() + TIMEOUT_MS;
  let first: { at: number; done: bigint } | undefined;
  for (;;) {
    if (performance.now() > deadline) throw new Error(`${groupId} did not commit its input within ${TIMEOUT_MS / 1000} s`);
    const [answer] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = performance.now();
    let done = 0n;
    for (const { partition, offset } of answer?.partitions ?? []) {
      const bounds = range.get(partition);
      if (bounds) done += clamp(BigInt(offset) - bounds.start, 0n, bounds.end - bounds.start);
    }
    if (done > 0n && first === undefined) first = { at, done };
    if (done >= total && first !== undefined) {
      const records = Number(total - first.done);
      const seconds = (at - first.at) / 1000;
      return { records, seconds: round(seconds), recordsPerSecond: Math.round(records / seconds) };
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
