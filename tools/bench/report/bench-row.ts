/** One line of the benchmark report: a figure beside its same-run baseline. */
export interface BenchRow {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  /** value / baselineValue (or the inverse for "lower is better" figures, as the goal says). */
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export type BenchJson = Record<string, unknown> & { bench: string };

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
