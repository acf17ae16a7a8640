import type { CallContext } from './iqmetrix.errors';

/**
 * The log-safe description of a call: the query string is dropped and every `(…)` key segment
 * (supplier, order, archive page ids) becomes `({id})`, so that log lines group by endpoint.
 */
export function callContext(method: string, url: URL): CallContext {
  return { method, host: url.host, pathTemplate: url.pathname.replace(/\([^)]*\)/g, '({id})') };
}
