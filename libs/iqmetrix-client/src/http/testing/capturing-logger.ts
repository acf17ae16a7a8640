import { Logger, LoggerService } from '@nestjs/common';

/** Collects every Nest log call as text, so tests can check what would reach the logs. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];

  /** Routes every `new Logger(...)` of the process to a fresh CapturingLogger. */
  static install(): CapturingLogger {
    const logger = new CapturingLogger();
    Logger.overrideLogger(logger);
    return logger;
  }

  log(message: unknown, ...params: unknown[]): void {
    this.record('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.record('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.record('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.record('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.record('verbose', message, params);
  }

  text(): string {
    return this.lines.join('\n');
  }

  private record(level: string, message: unknown, params: unknown[]): void {
    this.lines.push(`${level} ${JSON.stringify([message, ...params], errorFields)}`);
  }
}

// Errors serialize to {} by default; keep what a real logger would print.
function errorFields(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
