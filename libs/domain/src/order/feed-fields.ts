/**
 * Elements the feed may carry beyond the documented ones. They are kept under their camelCase names,
 * because the contract drops no field the feed carries; values are whatever the parser made of them.
 */
export interface ExtraFeedFields {
  readonly [field: string]: unknown;
}

/**
 * A feed value: `null` where the feed wrote `i:nil="true"`, absent where the element was missing.
 * Every field of a feed payload except `orderId` has this shape, since iQmetrix documents none as
 * mandatory and its examples leave many out.
 */
export type FeedValue<T> = T | null | undefined;
