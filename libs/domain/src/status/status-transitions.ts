import { Status, statusName } from './status';

/** Whether a transition is about the whole order (OrderStatusUpdate) or one item (ItemStatusUpdate). */
export type TransitionLevel = 'order' | 'item';

/** The answer of {@link checkTransition}: a rejection says why, in words a sender can act on. */
export type TransitionCheck = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** The statuses a status may become, and why the others are refused. */
export interface TransitionRule {
  readonly next: readonly Status[];
  /** Why a status missing from `next` is refused (the rule for PendingSupplier as target comes first). */
  readonly why: string;
}

// `Error` is renamed so that the global Error stays visible in this module.
const { PendingSupplier, Ordered, Shipped, BackOrdered, NotAvailable, PartiallyShipped, Cancelled, Other } = Status;
const ErrorStatus = Status.Error;

/** Where an exception state (Error, Other) may lead once the supplier knows more. */
const AFTER_EXCEPTION = [Ordered, BackOrdered, ErrorStatus, NotAvailable, Cancelled, Other] as const;
const EXCEPTION_WHY =
  'an exception state returns to Ordered, BackOrdered or NotAvailable, or ends in Cancelled; ' +
  'ship only after Ordered';

/**
 * The status rules of api-reference Part 1 §9, one table for orders and items (iQmetrix uses one enum
 * and one set of flow diagrams for both). Decisions beyond the diagrams:
 * - PendingSupplier is never a target: iQmetrix sets it, and an omitted `Status` means it.
 * - Shipped and Cancelled are final; Shipped may repeat to add tracking numbers.
 * - Repeating a status is allowed for every other state except PendingSupplier: it carries a new
 *   message, quantity or tracking number (PartiallyShipped must be able to repeat), and a service
 *   that re-acknowledges an order with Ordered should not get a rejection for a harmless PUT.
 * - Shipping needs Ordered first, also from PendingSupplier: the auto-acknowledgement sends Ordered
 *   before any command, and with it turned off the sender acknowledges first, as the diagrams show.
 * - Ordered may fall back to BackOrdered or NotAvailable: stock can turn out missing after pick-up.
 * - BackOrdered may end in NotAvailable or Cancelled: a back-order that never arrives.
 * - Error and Other are exception states reachable from any non-final state; they lead back to a
 *   pre-shipping state or to Cancelled (the table has no memory, so a human decides what is right).
 * - PartiallyShipped cannot be cancelled or reset: some units are already on their way.
 */
export const STATUS_TRANSITIONS: Readonly<Record<Status, TransitionRule>> = {
  [PendingSupplier]: {
    next: [Ordered, BackOrdered, ErrorStatus, NotAvailable, Cancelled, Other],
    why: 'acknowledge with Ordered before shipping (PendingSupplier → Ordered → Shipped)',
  },
  [Ordered]: {
    next: [Ordered, Shipped, BackOrdered, ErrorStatus, NotAvailable, PartiallyShipped, Cancelled, Other],
    why: 'Ordered may become any status except PendingSupplier',
  },
  [Shipped]: { next: [Shipped], why: 'Shipped is final: only Shipped again to add tracking numbers' },
  [BackOrdered]: {
    next: [Ordered, BackOrdered, ErrorStatus, NotAvailable, Cancelled, Other],
    why: 'when the stock arrives send Ordered, then ship (BackOrdered → Ordered)',
  },
  [ErrorStatus]: { next: AFTER_EXCEPTION, why: EXCEPTION_WHY },
  [NotAvailable]: {
    next: [ErrorStatus, NotAvailable, Cancelled, Other],
    why: 'NotAvailable leads only to Cancelled (or Error/Other to report an exception)',
  },
  [PartiallyShipped]: {
    next: [Shipped, ErrorStatus, PartiallyShipped, Other],
    why: 'some units have shipped: repeat PartiallyShipped or finish with Shipped (Error/Other for an exception)',
  },
  [Cancelled]: { next: [], why: 'Cancelled is final' },
  [Other]: { next: AFTER_EXCEPTION, why: EXCEPTION_WHY },
};

const NEVER_PENDING_SUPPLIER =
  'the connector never sends PendingSupplier: iQmetrix sets it on new orders, and going back to it is not a step';

/** The statuses `from` may become, per {@link STATUS_TRANSITIONS}. */
export function allowedNextStatuses(from: Status): readonly Status[] {
  return STATUS_TRANSITIONS[from].next;
}

/** Whether an order or item in status `from` may be set to `to`, and if not, why. */
export function checkTransition(from: Status, to: Status, level: TransitionLevel): TransitionCheck {
  if (STATUS_TRANSITIONS[from].next.includes(to)) return { allowed: true };
  const why = to === PendingSupplier ? NEVER_PENDING_SUPPLIER : STATUS_TRANSITIONS[from].why;
  return { allowed: false, reason: `${level} status ${statusName(from)} cannot become ${statusName(to)}: ${why}` };
}
