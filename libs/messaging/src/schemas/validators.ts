import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ALL_EVENT_TYPES, EventType } from '../topics';
import { CLOUD_EVENT_SCHEMA } from './cloud-event.schema';
import { EVENT_DATA_SCHEMAS, EventDataMap } from './event-data-schemas';
import { SchemaIssue, summarizeIssues, toSchemaIssues } from './schema-issues';

/** The outcome of checking a value against a schema; `reason` lists the failing paths. */
export type SchemaValidation<T> =
  | { valid: true; value: T }
  | { valid: false; issues: SchemaIssue[]; reason: string };

interface CompiledSchemas {
  envelope: ValidateFunction;
  data: Readonly<Record<EventType, ValidateFunction>>;
}

let compiled: CompiledSchemas | undefined;

/**
 * Compiles every schema once per process, on first use. Strict mode makes a schema mistake (an
 * unknown keyword, a keyword used on the wrong type) fail at compile time, i.e. in unit tests.
 * No type coercion: a quantity written "1" is a violation, not a number. `strictRequired` is off
 * because conditional branches (`if`/`else`) require properties that the parent schema defines.
 */
function compiledSchemas(): CompiledSchemas {
  if (compiled !== undefined) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date-time', 'uri-reference']);
  const data = Object.fromEntries(ALL_EVENT_TYPES.map((type) => [type, ajv.compile(EVENT_DATA_SCHEMAS[type])]));
  compiled = { envelope: ajv.compile(CLOUD_EVENT_SCHEMA), data: data as Record<EventType, ValidateFunction> };
  return compiled;
}

function check<T>(validate: ValidateFunction, value: unknown, pathPrefix: string): SchemaValidation<T> {
  if (validate(value)) return { valid: true, value: value as T };
  const issues = toSchemaIssues(validate.errors, pathPrefix);
  return { valid: false, issues, reason: summarizeIssues(issues) };
}

/**
 * Checks `data` against the schema of event `type`. Issue paths are JSON Pointers into `data`,
 * each prefixed with `pathPrefix` (assertValidEvent passes `/data`).
 */
export function validateEventData<K extends EventType>(
  type: K,
  data: unknown,
  pathPrefix = '',
): SchemaValidation<EventDataMap[K]> {
  return check<EventDataMap[K]>(compiledSchemas().data[type], data, pathPrefix);
}

/** Checks the CloudEvents envelope only (not `data`). */
export function validateEnvelope(value: unknown): SchemaValidation<Record<string, unknown>> {
  return check<Record<string, unknown>>(compiledSchemas().envelope, value, '');
}

/** Compiles every schema now rather than on the first message: call at service start. */
export function precompileSchemas(): void {
  compiledSchemas();
}
