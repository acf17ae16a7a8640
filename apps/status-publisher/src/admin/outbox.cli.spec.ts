import { outboxCli } from './outbox.cli';

describe('main.js outbox', () => {
  it.each([[['frobnicate']], [['requeue']], [['list', '--state', 'delivered']], [['list', '--bogus']]])('prints the usage and exits 2 for %j', async (args) => {
    // Given a command line that means nothing (no database is reached for it)
    const lines: string[] = [];
    // When run
    const code = await outboxCli('postgres://postgres@127.0.0.1:1/none', args, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    // Then it explains itself and exits 2
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('usage: main.js outbox list');
  });
});
