/**
 * A bounded label for a rejection reason, for the commands metric (reasons themselves name orders
 * and SKUs, which would make one time series per order). The domain's reasons start predictably.
 */
export function rejectionCategory(reason: string): string {
  if (reason.startsWith('malformed JSON')) return 'malformed_json';
  if (reason.startsWith('not a CloudEvents')) return 'not_cloudevent';
  if (reason.startsWith('schema violation')) return 'schema_violation';
  if (reason.startsWith('unknown order')) return 'unknown_order';
  if (reason.startsWith('unknown SKU')) return 'unknown_sku';
  if (/unknown status/.test(reason)) return 'unknown_status';
  if (/quantity/.test(reason)) return 'quantity';
  if (/tracking number/.test(reason)) return 'tracking_number';
  return 'status_rules';
}
