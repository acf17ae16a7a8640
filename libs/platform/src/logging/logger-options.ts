import type { IncomingMessage } from 'http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { CENSOR, censorSecretFields, REDACTED_PATHS } from './redaction';

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** nestjs-pino settings: JSON lines, ISO times, level names, the service name on every line. */
export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }), log: censorSecretFields },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      // Probes and scrapes every few seconds would drown the lines that matter.
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.includes(req.url ?? '') },
    },
  };
}
