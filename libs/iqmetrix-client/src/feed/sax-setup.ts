import * as sax from 'sax';

// Everything the reader knows about sax beyond its typed API lives here.

// strictEntities keeps sax to XML's five predefined entities (plus character references); without
// it sax also expands some 250 HTML entities such as &eacute;, even in strict mode. The option is
// missing from @types/sax.
const SAX_OPTIONS: sax.SAXOptions & { strictEntities: boolean } = {
  xmlns: true,
  strictEntities: true,
  position: true,
};

// sax exports its state table at runtime only (not in @types/sax).
const STATE = (sax as unknown as { STATE: Record<string, number> }).STATE;
const DTD_STATES: ReadonlySet<number> = new Set(
  ['DOCTYPE', 'DOCTYPE_QUOTED', 'DOCTYPE_DTD', 'DOCTYPE_DTD_QUOTED'].map((name) => STATE[name]),
);

/** A strict, namespace-aware sax parser that tracks positions and knows only XML's own entities. */
export function createStrictParser(): sax.SAXParser {
  // sax writes its defaults into the options object, so each parser gets its own copy.
  return sax.parser(true, { ...SAX_OPTIONS });
}

function stateOf(parser: sax.SAXParser): number {
  return (parser as unknown as { state: number }).state;
}

/** True while sax is inside a DOCTYPE that it has not finished reading. */
export function isReadingDoctype(parser: sax.SAXParser): boolean {
  return DTD_STATES.has(stateOf(parser));
}

/** True between tags, where no text before the current position is needed to finish a tag. */
export function isBetweenTags(parser: sax.SAXParser): boolean {
  return stateOf(parser) === STATE['TEXT'];
}
