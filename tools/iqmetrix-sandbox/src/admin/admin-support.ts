import type { Route, RouteContext } from '../routing';
import { DuplicateOrderError } from '../orders/order-store';
import { jsonReply, mediaType, readBody, tryParseJson, type Reply } from '../support/http';
import { InvalidInputError } from '../support/input';

/** Admin bodies may carry thousands of orders. */
const MAX_ADMIN_BODY_BYTES = 32 * 1024 * 1024;

/** An admin route: no authentication, no rate limit, no injected faults; input errors become 400/409. */
export function adminRoute(method: string, path: string, handle: (ctx: RouteContext) => Promise<Reply>): Route {
  const pattern = new RegExp(`^/_sandbox${path.replace(/\{id\}/g, '([^/]+)')}$`);
  return {
    name: `admin ${method} ${path}`,
    method,
    pattern,
    service: 'admin',
    handle: async (ctx) => {
      try {
        return await handle(ctx);
      } catch (error) {
        if (error instanceof InvalidInputError) return jsonReply(400, { error: error.message });
        if (error instanceof DuplicateOrderError) return jsonReply(409, { error: error.message });
        throw error;
      }
    },
  };
}

/** The body as JSON; an empty body reads as `{}`. */
export async function readJson(ctx: RouteContext): Promise<unknown> {
  const text = await readText(ctx);
  if (text.trim() === '') return {};
  const value = tryParseJson(text);
  if (value === undefined) throw new InvalidInputError('the body must be JSON');
  return value;
}

export async function readText(ctx: RouteContext): Promise<string> {
  return (await readBody(ctx.req, MAX_ADMIN_BODY_BYTES)).toString('utf8');
}

export function isJsonRequest(ctx: RouteContext): boolean {
  return mediaType(ctx.req) === 'application/json';
}

export function notFound(what: string): Reply {
  return jsonReply(404, { error: `${what} not found` });
}
