import { PayloadTreeBuilder } from './payload-tree';

type Node = [name: string, children?: Node[] | string, nil?: boolean];

/** Feeds a small element tree to the builder: [name, text or children, nil]. */
function build(root: Node): PayloadTreeBuilder {
  const builder = new PayloadTreeBuilder();
  const visit = ([name, content, nil = false]: Node) => {
    builder.open(name, nil);
    if (typeof content === 'string') builder.text(content);
    else content?.forEach(visit);
    builder.close();
  };
  visit(root);
  return builder;
}

describe('PayloadTreeBuilder', () => {
  it('converts hyphenated element names to camelCase keys', () => {
    // Given elements named like the feed's
    // When they are built
    const { result } = build(['order-created', [['order-id', 'o-1'], ['shipping-address', [['street-address-1', 'Main']]]]]);
    // Then keys are camelCase, digits and all
    expect(result).toEqual({ orderId: 'o-1', shippingAddress: { streetAddress1: 'Main' } });
  });

  it.each([
    ['no child', [], []],
    ['one child', [['order-item', [['sku', 'A']]]], [{ sku: 'A' }]],
    ['two children', [['order-item', [['sku', 'A']]], ['order-item', [['sku', 'B']]]], [{ sku: 'A' }, { sku: 'B' }]],
  ] as Array<[string, Node[], unknown]>)('makes items an array with %s', (_case, children, expected) => {
    // Given an items container with a number of children
    // When it is built
    const { result } = build(['order-created', [['items', children]]]);
    // Then items is always an array of the children's values
    expect(result).toEqual({ items: expected });
  });

  it('turns a nil items container into an empty array', () => {
    // Given <items i:nil="true"/>
    const { result, problems } = build(['order-created', [['items', [], true]]]);
    // Then items stays an array, so consumers never meet null there
    expect(result).toEqual({ items: [] });
    expect(problems).toEqual([]);
  });

  it('turns a name repeated under an unknown container into an array, in document order', () => {
    // Given three <tag> elements beside a single <other>
    const { result } = build(['extra', [['tag', 'a'], ['other', 'x'], ['tag', 'b'], ['tag', 'c']]]);
    // Then the repeated name becomes an array and the single one stays a value
    expect(result).toEqual({ tag: ['a', 'b', 'c'], other: 'x' });
  });

  it('keeps unknown elements, converted by the same rules', () => {
    // Given an element the reference does not list, with nested children
    const { result } = build(['order-created', [['gift-wrap', [['wrap-colour', 'red'], ['quantity', '2']]]]]);
    // Then it is kept, camelCased, and number fields inside it are numbers
    expect(result).toEqual({ giftWrap: { wrapColour: 'red', quantity: 2 } });
  });

  it.each([
    ['quantity', '3', 3],
    ['selling-price', '100.50', 100.5],
    ['selling-price', '100', 100],
    ['company-id', ' 33772 ', 33772],
    ['location-id', '-0', 0],
    ['supplier-id', '0060455', 60455],
  ])('converts %s %j to the JSON number %j', (name, text, expected) => {
    // Given a number field of the reference
    const { result, problems } = build(['seller', [[name, text]]]);
    // Then its value is a JSON number
    expect(Object.values(result as object)).toEqual([expected]);
    expect(problems).toEqual([]);
  });

  it.each([['abc'], [''], ['1e5'], ['12,5'], ['9007199254740993'], ['0x10']])(
    'reports a number field holding %j as a problem and keeps the text',
    (text) => {
      // Given a quantity that is not a decimal number (or would lose precision)
      const { result, problems } = build(['order-created', [['items', [['order-item', [['quantity', text]]]]]]]);
      // Then the problem names the path and the value; the text is not lost
      expect(problems).toEqual([`order-created/items/order-item/quantity is not a number: ${JSON.stringify(text)}`]);
      expect(result).toEqual({ items: [{ quantity: text }] });
    },
  );

  it('keeps text exactly: leading zeros, inner and outer whitespace', () => {
    // Given string values that a number or trim conversion would change
    const { result } = build(['seller', [['printable-id', '02146912'], ['po-reference', '  PO 1\n'], ['shipping-method', '007']]]);
    // Then they are kept as written
    expect(result).toEqual({ printableId: '02146912', poReference: '  PO 1\n', shippingMethod: '007' });
  });

  it('makes an empty element an empty string and a nil element null', () => {
    // Given <notes/> and <phone i:nil="true"/>
    const { result } = build(['shipping-address', [['notes', ''], ['phone', '', true], ['quantity', '', true]]]);
    // Then empty is "" and nil is null, even for number fields
    expect(result).toEqual({ notes: '', phone: null, quantity: null });
  });

  it('reports a nil element that has content', () => {
    // Given a nil element with text
    const { result, problems } = build(['shipping-address', [['notes', 'hello', true]]]);
    // Then it is null and the contradiction is reported
    expect(result).toEqual({ notes: null });
    expect(problems).toEqual(['shipping-address/notes is xsi:nil but has content']);
  });

  it('drops whitespace between child elements but keeps other mixed text under #text', () => {
    // Given a container with formatting whitespace and one with real text beside a child
    const builder = new PayloadTreeBuilder();
    builder.open('order-created', false);
    builder.text('\n  ');
    builder.open('note', false);
    builder.text('see ');
    builder.open('ref', false);
    builder.text('A1');
    builder.close();
    builder.text(' below');
    builder.close();
    builder.text('\n');
    builder.close();
    // Then whitespace-only text vanished and mixed text is kept whole
    expect(builder.result).toEqual({ note: { ref: 'A1', '#text': 'see  below' } });
  });

  it('stores an element named __proto__ as a field without touching the prototype', () => {
    // Given an element whose camelCase name is __proto__
    const { result } = build(['extra', [['__proto__', 'x']]]);
    // Then it is an own, enumerable field and the object is still a plain object
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.entries(result as object)).toEqual([['__proto__', 'x']]);
  });
});
