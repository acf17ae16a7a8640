import type { ErrorObject } from 'ajv';

/** One way a value breaks its schema: a JSON Pointer into the value and what is wrong there. */
export interface SchemaIssue {
  path: string;
  message: string;
}

const MAX_LISTED_ISSUES = 10;

/**
 * Ajv's errors as issues people can read. Messages name schema facts only (types, allowed values),
 * never the offending value, so that they can be logged without leaking personal data.
 */
export function toSchemaIssues(errors: readonly ErrorObject[] | null | undefined, pathPrefix = ''): SchemaIssue[] {
  const issues = (errors ?? []).flatMap((error) => describeAjvError(error, pathPrefix));
  const unique = new Map(issues.map((issue) => [`${issue.path} ${issue.message}`, issue]));
  return [...unique.values()];
}

/** A one-line summary: `/data/items/0/quantity must be integer; /data/orderId is required`. */
export function summarizeIssues(issues: readonly SchemaIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.path} ${issue.message}`);
  const more = issues.length - listed.length;
  return more > 0 ? `${listed.join('; ')}; and ${more} more` : listed.join('; ');
}

function describeAjvError(error: ErrorObject, pathPrefix: string): SchemaIssue[] {
  const at = (suffix = '') => pointer(pathPrefix + error.instancePath + suffix);
  // An `if` failure only says which branch failed; the branch's own errors say why.
  if (error.keyword === 'if') return [];
  // A property name's own pattern error is reported again, better, as `propertyNames`.
  if (error.propertyName !== undefined && error.keyword !== 'propertyNames') return [];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return [{ path: at(`/${escape(String(params['missingProperty']))}`), message: 'is required' }];
    case 'additionalProperties':
      return [{ path: at(`/${escape(String(params['additionalProperty']))}`), message: 'is not allowed' }];
    case 'propertyNames':
      return [{ path: at(`/${escape(String(params['propertyName']))}`), message: 'is not a valid name' }];
    case 'enum':
      return [{ path: at(), message: `must be one of ${listValues(params['allowedValues'])}` }];
    case 'type':
      return [{ path: at(), message: `must be ${String(params['type']).split(',').join(' or ')}` }];
    case 'const':
      return [{ path: at(), message: `must be ${JSON.stringify(params['allowedValue'])}` }];
    default:
      return [{ path: at(), message: error.message ?? `breaks "${error.keyword}"` }];
  }
}

function pointer(path: string): string {
  return path === '' ? '/' : path;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function listValues(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(', ') : String(values);
}
