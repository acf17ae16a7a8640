import { nonEmptyString } from './schema-fragments';

export const STATUS_OUTCOMES = ['accepted', 'delivered', 'rejected', 'failed'] as const;
export type StatusOutcome = (typeof STATUS_OUTCOMES)[number];

/**
 * `data` of `dropship.status.result` on dropship.status-results.v1: the outcome of one command.
 * - `accepted`: valid; queued for iQmetrix in the order's command order.
 * - `delivered`: iQmetrix answered 2xx; `iqmetrix` may hold its answer.
 * - `rejected`: invalid command (malformed, unknown order or SKU, against the status rules);
 *   `reason` is required; nothing was sent.
 * - `failed`: iQmetrix refused it permanently; `iqmetrix` is required.
 */
export const STATUS_RESULT_DATA_SCHEMA = {
  type: 'object',
  description:
    'The outcome of a status command: accepted (valid, queued for iQmetrix), delivered (iQmetrix answered ' +
    '2xx), rejected (invalid: reason says why; nothing was sent) or failed (iQmetrix refused it ' +
    'permanently: iqmetrix holds its status code and answer).',
  required: ['commandId', 'orderId', 'outcome'],
  properties: {
    commandId: { ...nonEmptyString, description: "The command's commandId." },
    orderId: { ...nonEmptyString, description: "The command's order id; also the record key." },
    outcome: { type: 'string', enum: [...STATUS_OUTCOMES] },
    reason: { ...nonEmptyString, description: 'Why the command was rejected or failed.' },
    iqmetrix: {
      type: 'object',
      description: "iQmetrix's answer to the status update.",
      required: ['status', 'body'],
      properties: {
        status: { type: 'integer', minimum: 100, maximum: 599, description: 'HTTP status code.' },
        body: { description: 'The answer: parsed JSON when it was JSON, else its text.' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
  allOf: [
    { if: { required: ['outcome'], properties: { outcome: { const: 'rejected' } } }, then: { required: ['reason'] } },
    { if: { required: ['outcome'], properties: { outcome: { const: 'failed' } } }, then: { required: ['iqmetrix'] } },
  ],
} as const;

/** `data` of dropship.status.result. */
export interface StatusResultData {
  commandId: string;
  orderId: string;
  outcome: StatusOutcome;
  reason?: string;
  iqmetrix?: { status: number; body: unknown };
}
