export type LogLevel = 'silent' | 'info' | 'debug';

/** One JSON line per event, the same shape the services' pino logger writes. */
export interface SandboxLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { silent: 0, info: 1, debug: 2 };

export function createLogger(level: LogLevel, sink: (line: string) => void): SandboxLogger {
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>): void => {
    if (RANK[level] < RANK[lineLevel]) return;
    sink(JSON.stringify({ level: lineLevel, time: new Date().toISOString(), name: 'iqmetrix-sandbox', msg, ...fields }));
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    debug: (msg, fields) => write('debug', msg, fields),
  };
}
