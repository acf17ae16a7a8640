import { uniqueDatabaseName, uniqueName } from './unique-names';

describe('unique names', () => {
  it('never repeats a name', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('topic')));
    expect(names.size).toBe(1000);
  });

  it('makes database names Postgres accepts that always contain "test"', () => {
    const name = uniqueDatabaseName();
    expect(name).toMatch(/^[a-z0-9_]+$/);
    expect(name).toContain('test');
    expect(name.length).toBeLessThanOrEqual(63);
  });
});
