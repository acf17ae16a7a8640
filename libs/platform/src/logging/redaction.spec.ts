import { Writable } from 'node:stream';
import pino, { LoggerOptions } from 'pino';
import { loggerParams } from './logger-options';
import { CENSOR, censorSecretFields, SECRET_FIELDS } from './redaction';

/** A logger with the services' settings that keeps its lines. */
function capturingLogger(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const { pinoHttp } = loggerParams('redaction-spec', 'info') as { pinoHttp: LoggerOptions };
  const logger = pino(pinoHttp, sink);
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('log redaction', () => {
  it.each(SECRET_FIELDS)('censors %s at the top of a line and one level below', (name) => {
    const { logger, lines } = capturingLogger();
    logger.info({ [name]: 'value-at-top', config: { [name]: 'value-below', kept: 'visible' } }, 'configured');
    const [line] = lines();
    expect(line[name]).toBe(CENSOR);
    expect(line['config']).toEqual({ [name]: CENSOR, kept: 'visible' });
    expect(JSON.stringify(line)).not.toMatch(/value-at-top|value-below/);
  });

  it('censors the request headers pino-http logs, and leaves the other headers', () => {
    const { logger, lines } = capturingLogger();
    const req = { method: 'GET', url: '/admin/outbox', headers: { authorization: 'Bearer abc', cookie: 'session=1', accept: 'application/json' } };
    logger.info({ req, res: { statusCode: 200, headers: { 'set-cookie': 'session=2', 'content-type': 'application/json' } } }, 'request completed');
    const [line] = lines();
    expect(line['req']).toMatchObject({ headers: { authorization: CENSOR, cookie: CENSOR, accept: 'application/json' } });
    expect(line['res']).toMatchObject({ headers: { 'set-cookie': CENSOR, 'content-type': 'application/json' } });
  });

  it('keeps an error an error: its message and stack are logged, its secret field is not', () => {
    const { logger, lines } = capturingLogger();
    const error = Object.assign(new Error('token refused'), { accessToken: 'eyJ-secret' });
    logger.error({ err: error }, 'auth failed');
    const err = lines()[0]['err'] as Record<string, unknown>;
    expect(err).toMatchObject({ type: 'Error', message: 'token refused', accessToken: CENSOR });
    expect(err['stack']).toContain('token refused');
    expect(error.accessToken).toBe('eyJ-secret');
  });

  it('never changes the caller’s objects, and returns a line without secrets as it is', () => {
    const nested = { password: 'hunter2', user: 'supplier' };
    const fields = { msg: 'x', nested, count: 3 };
    const censored = censorSecretFields(fields);
    expect(censored).not.toBe(fields);
    expect(censored.nested).toEqual({ password: CENSOR, user: 'supplier' });
    expect(nested.password).toBe('hunter2');
    const clean = { msg: 'status PUT delivered', orderId: 'o-1', trace: { attempt: 1 } };
    expect(censorSecretFields(clean)).toBe(clean);
  });

  it('does not censor secrets deeper than one level below the top (as pino’s `*.name` paths did not)', () => {
    const deep = { a: { b: { password: 'deep' } } };
    expect(censorSecretFields(deep)).toBe(deep);
  });
});
