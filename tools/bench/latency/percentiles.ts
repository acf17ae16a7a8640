import { readFileSync } from 'fs';

/** p50/p99/p99.9 of a sample, by the nearest-rank method. */
export function percentiles(values: number[]): { count: number; p50: number; p99: number; p999: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return { count: sorted.length, p50: rank(0.5), p99: rank(0.99), p999: rank(0.999) };
}

/** CPU time (user + system) a process has used so far, in microseconds, from /proc. */
export function processCpuMicros(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (100 per second here).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / 100;
}
