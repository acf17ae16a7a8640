import type { StatusResultData } from '@dropship/messaging';

/* Test support: the results topic read back, per command. */

interface RecordLike {
  value: string | null;
}

/** Outcomes per command id, in the order they were published. */
export function outcomesByCommand(records: readonly RecordLike[]): Map<string, StatusResultData[]> {
  const byCommand = new Map<string, StatusResultData[]>();
  for (const record of records) {
    if (record.value === null) continue;
    const data = (JSON.parse(record.value) as { data: StatusResultData }).data;
    const list = byCommand.get(data.commandId) ?? [];
    // A batch published again after a crash repeats events; the result is the same CloudEvent.
    if (!list.some((seen) => seen.outcome === data.outcome && JSON.stringify(seen) === JSON.stringify(data))) list.push(data);
    byCommand.set(data.commandId, list);
  }
  return byCommand;
}

export function outcomeNames(results: readonly StatusResultData[] | undefined): string[] {
  return (results ?? []).map((result) => result.outcome);
}
