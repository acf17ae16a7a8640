import { markdownTable, summarize } from './summarize';

// JSON lines as the benches printed them (2026-12-04 run), trimmed to the fields summarize reads.
const INGEST = { bench: 'ingest', entries: 20000, ingest: { entriesPerSecond: 2452 }, raw: { entriesPerSecond: 18211 }, ratio: 0.13, goal: 0.5 };
const ROUTE = { bench: 'route', records: 50000, identity: { recordsPerSecond: 24829 }, router: { recordsPerSecond: 10425 }, ratio: 0.42, goal: { ratio: 0.6 } };

describe('summarize', () => {
  it('turns the ingest line into a row with its same-run baseline, ratio and goal', () => {
    expect(summarize(INGEST)).toEqual([
      expect.objectContaining({ bench: 'ingest', value: 2452, unit: 'entries/s', baselineValue: 18211, ratio: 0.13, goal: '≥ 0.5', met: false }),
    ]);
  });

  it('turns the route line into a row, and marks a met goal', () => {
    const [row] = summarize({ ...ROUTE, ratio: 0.61 });
    expect(row).toEqual(expect.objectContaining({ bench: 'route', value: 10425, unit: 'records/s', baselineValue: 24829, ratio: 0.61, goal: '≥ 0.6', met: true }));
  });

  it("adds the router's ratio to the same loop on the connector's client, without a goal, when measured", () => {
    const rows = summarize({ ...ROUTE, identityOnConnectorClient: { recordsPerSecond: 35000 }, ratioToConnectorClient: 0.3 });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.objectContaining({ bench: 'route', value: 10425, baselineValue: 35000, ratio: 0.3 }));
    expect(rows[1]?.goal).toBeUndefined();
    expect(markdownTable(rows)).toContain("| the same loop on the connector's client: 35000 records/s | 0.3 |  |");
  });

  it('writes one Markdown line per row, with ✘ for a goal not met', () => {
    const table = markdownTable(summarize(INGEST));
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('| ingest | 20000-entry backlog, sandbox feed to acknowledged Kafka records | 2452 entries/s |');
    expect(table).toContain('≥ 0.5 ✘');
  });
});
