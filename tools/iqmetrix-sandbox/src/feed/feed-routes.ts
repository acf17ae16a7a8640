import { messageReply, xmlReply, type Reply } from '../support/http';
import type { Route, RouteContext } from '../routing';
import { ATOM_CONTENT_TYPE } from './atom-writer';
import type { PageLinks } from './feed-store';

/** `GET /v1/Suppliers({id})/Notifications`: the current page. */
export const currentFeedRoute: Route = {
  name: 'feed.current',
  method: 'GET',
  pattern: /^\/v1\/suppliers\(([^)/]*)\)\/notifications$/i,
  service: 'dropship',
  faultTarget: 'feed',
  handle: async (ctx) => {
    const wrongSupplier = checkSupplier(ctx, ctx.params[0]);
    if (wrongSupplier) return wrongSupplier;
    return renderOrInvalid(ctx, ctx.state.feed.currentGuid());
  },
};

/** `GET /v1/Suppliers({id})/Notifications/Pages({guid})`: an archive, or the current page by its self guid. */
export const feedPageRoute: Route = {
  name: 'feed.page',
  method: 'GET',
  pattern: /^\/v1\/suppliers\(([^)/]*)\)\/notifications\/pages\(([^)/]*)\)$/i,
  service: 'dropship',
  faultTarget: 'feed',
  handle: async (ctx) => {
    const wrongSupplier = checkSupplier(ctx, ctx.params[0]);
    if (wrongSupplier) return wrongSupplier;
    return renderOrInvalid(ctx, ctx.params[1]);
  },
};

function renderOrInvalid(ctx: RouteContext, guid: string): Reply {
  const xml = ctx.state.feed.render(guid, feedLinks(ctx));
  if (!xml) return messageReply(400, 'The request is invalid');
  return xmlReply(200, xml, ATOM_CONTENT_TYPE);
}

/** The documented answer for a supplier id that is not ours (api-reference §4.7); also used by the PUTs. */
export function checkSupplier(ctx: RouteContext, rawSupplierId: string): Reply | undefined {
  if (rawSupplierId.trim() === String(ctx.state.options.supplierId)) return undefined;
  return messageReply(400, 'Cannot find supplier identifier in the uri');
}

/** Links are built on the base URL the client used, so a client can follow hrefs as returned. */
export function feedLinks(ctx: RouteContext): PageLinks {
  const currentHref = `${ctx.baseUrl}/v1/Suppliers(${ctx.state.options.supplierId})/Notifications`;
  return { currentHref, pageHref: (guid) => `${currentHref}/Pages(${guid})` };
}
