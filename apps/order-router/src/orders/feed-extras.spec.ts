import { withExtras } from './feed-extras';

describe('withExtras', () => {
  it('puts the feed fields after the documented ones without replacing any documented value', () => {
    // Given documented fields and feed fields, one of them with a documented name
    const documented = { orderId: 'o-1', entryId: 'derived' };
    const extra = { entryId: 'from-feed', giftWrap: 'yes', note: null };

    // When merged / Then documented values win and the other feed fields follow, in order
    const merged = withExtras(documented, extra);
    expect(merged).toEqual({ orderId: 'o-1', entryId: 'derived', giftWrap: 'yes', note: null });
    expect(Object.keys(merged)).toEqual(['orderId', 'entryId', 'giftWrap', 'note']);
  });

  it('keeps feed elements named like Object members as plain fields', () => {
    // Given feed fields named constructor, toString and __proto__ (parsed as own fields)
    const extra: Record<string, unknown> = { constructor: 'c', toString: 't' };
    Object.defineProperty(extra, '__proto__', { value: 'p', enumerable: true, writable: true, configurable: true });

    // When merged
    const merged = withExtras({ orderId: 'o-1' }, extra);

    // Then each is an own field with its value, and the prototype is untouched
    expect(Object.keys(merged)).toEqual(['orderId', 'constructor', 'toString', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toBe('p');
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(merged))).toEqual({ orderId: 'o-1', constructor: 'c', toString: 't', ['__proto__']: 'p' });
  });
});
