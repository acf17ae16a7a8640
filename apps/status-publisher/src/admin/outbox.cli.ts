import { parseArgs } from 'node:util';
import { PublisherDb } from '../database/publisher-db';
import { ListableState, OutboxAdminRepository } from './outbox-admin.repository';

const USAGE = [
  'usage: main.js outbox list [--state pending|failed|parked] [--order <orderId>] [--limit <n>]',
  '       main.js outbox requeue <id> | --order <orderId> | --failed',
].join('\n');

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const STD: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * `main.js outbox …`: the admin endpoints' operations for a shell (no running service needed, only
 * the database). Prints JSON; exits 0 on success, 1 when nothing matched, 2 on bad usage.
 */
export async function outboxCli(databaseUrl: string, args: string[], output: CliOutput = STD): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { state: { type: 'string' }, order: { type: 'string' }, limit: { type: 'string' }, failed: { type: 'boolean' } },
    });
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const db = new PublisherDb(databaseUrl, 2);
  try {
    return await run(db, parsed.positionals, parsed.values, output);
  } finally {
    await db.close();
  }
}

type Options = { state?: string; order?: string; limit?: string; failed?: boolean };

async function run(db: PublisherDb, positionals: string[], options: Options, output: CliOutput): Promise<number> {
  const admin = new OutboxAdminRepository();
  const [action, id] = positionals;
  if (action === 'list') {
    const state = (options.state ?? 'pending') as ListableState;
    const limit = Number(options.limit ?? '100');
    if (!['pending', 'failed', 'parked'].includes(state) || !Number.isInteger(limit) || limit < 1) return usage(output);
    const rows = await admin.list(db, { state, limit, orderId: options.order });
    for (const row of rows) output.out(JSON.stringify(row));
    return 0;
  }
  if (action !== 'requeue') return usage(output);
  if (id !== undefined) {
    const outcome = await admin.requeue(db, id);
    output.out(JSON.stringify({ id, outcome }));
    return outcome === 'requeued' ? 0 : 1;
  }
  if (options.order !== undefined) return report(output, await admin.requeueOrder(db, options.order));
  if (options.failed === true) return report(output, await admin.requeueFailed(db));
  return usage(output);
}

function report(output: CliOutput, requeued: number): number {
  output.out(JSON.stringify({ requeued }));
  return requeued > 0 ? 0 : 1;
}

function usage(output: CliOutput): number {
  output.err(USAGE);
  return 2;
}
