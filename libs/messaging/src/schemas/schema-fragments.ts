/**
 * Small JSON Schema (draft-07) pieces shared by the message schemas. Draft-07 because it is what
 * AsyncAPI 3's default schema format extends and what Ajv's default class compiles; nullable values
 * are written `type: [T, 'null']`, which both understand.
 */

/** A feed text value: the element's text exactly, or null for `i:nil="true"`. */
export const nullableString = { type: ['string', 'null'] } as const;

/** A feed integer (quantity, company-id, location-id, supplier-id), or null for `i:nil`. */
export const nullableInteger = { type: ['integer', 'null'] } as const;

/** A feed decimal (selling-price), or null for `i:nil`. */
export const nullableNumber = { type: ['number', 'null'] } as const;

export const nonEmptyString = { type: 'string', minLength: 1 } as const;

/** An RFC 3339 timestamp with its offset, e.g. `2015-10-23T21:37:31Z`. */
export const dateTime = { type: 'string', format: 'date-time' } as const;

/**
 * One tracking number. Commas are excluded because iQmetrix's `TrackingInfo` joins several numbers
 * with commas; surrounding spaces are excluded so that the same number is never stored twice.
 */
export const trackingNumber = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: '^[^,\\s](?:[^,]*[^,\\s])?$',
  description: 'One tracking number: no commas, no leading or trailing spaces.',
} as const;

export const trackingNumberList = { type: 'array', items: trackingNumber } as const;
