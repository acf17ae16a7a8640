import { IqmetrixForeignUrlError } from './iqmetrix.errors';

/** `base` (which may carry a path prefix, e.g. behind a gateway) joined with an absolute `path`. */
export function joinBaseUrl(base: string, path: string): URL {
  const baseUrl = new URL(base);
  return new URL(baseUrl.pathname.replace(/\/+$/, '') + path, baseUrl.origin);
}

/**
 * A path under the Dropship base URL, or an absolute URL as the feed's links give it (decision 3:
 * links are followed exactly). Absolute URLs must stay on the Dropship origin, so that a link can
 * never make us send the bearer token to another host.
 */
export function resolveDropshipUrl(dropshipUrl: string, pathOrUrl: string): URL {
  if (!/^https?:\/\//i.test(pathOrUrl)) return joinBaseUrl(dropshipUrl, pathOrUrl);
  const url = new URL(pathOrUrl);
  const expected = new URL(dropshipUrl);
  if (url.origin !== expected.origin) throw new IqmetrixForeignUrlError(url.host, expected.host);
  return url;
}
