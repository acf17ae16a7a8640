import type { ErrorObject } from 'ajv';
import { summarizeIssues, toSchemaIssues } from './schema-issues';

function ajvError(error: Partial<ErrorObject>): ErrorObject {
  return { instancePath: '', schemaPath: '#', keyword: 'type', params: {}, ...error } as ErrorObject;
}

describe('toSchemaIssues', () => {
  it('points at the missing or unwanted property itself, escaping JSON Pointer characters', () => {
    // Given ajv errors for a missing property and an unwanted one whose name holds a slash
    const errors = [
      ajvError({ keyword: 'required', instancePath: '/items/0', params: { missingProperty: 'sku' } }),
      ajvError({ keyword: 'additionalProperties', params: { additionalProperty: 'a/b~c' } }),
    ];

    // When described / Then the paths name the property
    expect(toSchemaIssues(errors, '/data')).toEqual([
      { path: '/data/items/0/sku', message: 'is required' },
      { path: '/data/a~1b~0c', message: 'is not allowed' },
    ]);
  });

  it('drops if-branch noise and duplicates, and names the root "/"', () => {
    // Given an `if` error, the same type error twice and a root error
    const typeError = ajvError({ keyword: 'type', instancePath: '/a', params: { type: 'string,null' }, message: 'x' });
    const ifError = ajvError({ keyword: 'if', message: 'must match "else" schema' });
    const rootError = ajvError({ keyword: 'type', params: { type: 'object' } });
    const errors = [ifError, typeError, typeError, rootError];

    // When described / Then only the two distinct type problems remain
    expect(toSchemaIssues(errors)).toEqual([
      { path: '/a', message: 'must be string or null' },
      { path: '/', message: 'must be object' },
    ]);
  });

  it('lists allowed values for enum and const, which come from the schema, not the message', () => {
    // Given enum and const errors / When described / Then the allowed values are listed
    const errors = [
      ajvError({ keyword: 'enum', instancePath: '/outcome', params: { allowedValues: ['accepted', 'failed'] } }),
      ajvError({ keyword: 'const', instancePath: '/specversion', params: { allowedValue: '1.0' } }),
    ];
    expect(toSchemaIssues(errors).map((issue) => issue.message)).toEqual(['must be one of "accepted", "failed"', 'must be "1.0"']);
  });
});

describe('summarizeIssues', () => {
  it('lists at most ten issues and counts the rest', () => {
    // Given twelve issues / When summarized
    const issues = Array.from({ length: 12 }, (_value, index) => ({ path: `/items/${index}/sku`, message: 'is required' }));
    const summary = summarizeIssues(issues);

    // Then ten are listed and two counted
    expect(summary.split('; ')).toHaveLength(11);
    expect(summary).toMatch(/\/items\/9\/sku is required; and 2 more$/);
  });
});
