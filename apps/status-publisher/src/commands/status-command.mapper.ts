import type { StatusCommand } from '@dropship/domain';
import type { StatusCommandData } from '@dropship/messaging';

/**
 * The message's command as the domain's. The schema lets an item-level command leave out the
 * top-level status when every item has its own; the domain's type always has one and uses it only
 * as the items' default, so an empty string stands in (no item ever falls back to it).
 */
export function toStatusCommand(data: StatusCommandData): StatusCommand {
  return { ...data, status: data.status ?? '' };
}
