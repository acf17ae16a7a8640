import { checkSupplier } from '../feed/feed-routes';
import type { Route, RouteContext } from '../routing';
import type { SandboxState } from '../sandbox-state';
import { mediaType, messageReply, readBody, tryParseJson, type Reply } from '../support/http';
import { applyItemUpdate, applyOrderUpdate } from './status-apply';
import { InvalidStatusBodyError, parseStatusBody, type StatusBody } from './status-body';

type StatusPath = 'OrderStatusUpdate' | 'ItemStatusUpdate';

const MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPES = ['application/json', 'text/json'];

export const orderStatusRoute: Route = statusRoute('status.order', 'OrderStatusUpdate');
export const itemStatusRoute: Route = statusRoute('status.item', 'ItemStatusUpdate');

function statusRoute(name: string, path: StatusPath): Route {
  return {
    name,
    method: 'PUT',
    pattern: new RegExp(`^/v1/suppliers\\(([^)/]*)\\)/orders\\(([^)/]*)\\)/${path}$`, 'i'),
    service: 'dropship',
    faultTarget: 'put',
    handle: (ctx) => handleStatusPut(ctx, path),
  };
}

interface PutOutcome {
  reply: Reply;
  parsed?: StatusBody;
  body?: unknown;
}

/** Every PUT that passed authentication is logged for `/_sandbox/updates`, accepted or not. */
async function handleStatusPut(ctx: RouteContext, path: StatusPath): Promise<Reply> {
  const { state } = ctx;
  const orderId = ctx.params[1];
  const rawBody = (await readBody(ctx.req, MAX_BODY_BYTES)).toString('utf8');
  const wrongSupplier = checkSupplier(ctx, ctx.params[0]);
  const outcome: PutOutcome = wrongSupplier
    ? { reply: wrongSupplier }
    : evaluatePut(state, { orderId, path, rawBody, contentType: mediaType(ctx.req) });
  const accepted = outcome.reply.status === 202;
  state.updates.record({
    orderId,
    path,
    kind: outcome.parsed?.kind ?? 'unknown',
    receivedAt: new Date(state.clock.now()).toISOString(),
    contentType: ctx.req.headers['content-type'] ?? '',
    rawBody,
    body: outcome.body ?? null,
    accepted,
    httpStatus: outcome.reply.status,
    error: accepted ? null : errorText(outcome.reply),
    warnings: outcome.parsed?.warnings ?? [],
  });
  state.stats.increment(accepted ? 'putsAccepted' : 'putsRejected');
  return outcome.reply;
}

interface PutRequest {
  orderId: string;
  path: StatusPath;
  rawBody: string;
  contentType: string;
}

function evaluatePut(state: SandboxState, request: PutRequest): PutOutcome {
  if (!JSON_TYPES.includes(request.contentType)) {
    const type = request.contentType || 'none';
    return { reply: messageReply(415, `The request entity's media type '${type}' is not supported for this resource.`) };
  }
  const body = tryParseJson(request.rawBody);
  if (body === undefined) return { reply: messageReply(400, 'The request is invalid: the body is not valid JSON') };
  let parsed: StatusBody;
  try {
    parsed = parseStatusBody(body, request.path);
  } catch (error) {
    if (error instanceof InvalidStatusBodyError) return { reply: messageReply(400, error.message), body };
    throw error;
  }
  if (parsed.id.toLowerCase() !== request.orderId.toLowerCase()) {
    const message = `Id '${parsed.id}' in the body does not match the order id '${request.orderId}' in the uri`;
    return { reply: messageReply(400, message), parsed, body };
  }
  const record = state.orders.get(request.orderId);
  if (!record) {
    const message = `Order ${request.orderId} was not found for supplier ${state.options.supplierId}`;
    return { reply: messageReply(404, message), parsed, body };
  }
  const reply = parsed.kind === 'order' ? applyOrderUpdate(state, record, parsed) : applyItemUpdate(state, record, parsed);
  return { reply, parsed, body };
}

function errorText(reply: Reply): string {
  const text = typeof reply.body === 'string' ? reply.body : reply.body.toString('utf8');
  const parsed = tryParseJson(text) as { Message?: unknown } | undefined;
  return typeof parsed?.Message === 'string' ? parsed.Message : text;
}
