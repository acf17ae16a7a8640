import sax from 'sax';

/** A minimal element tree for assertions in tests (independent of the connector's feed reader). */
export interface XmlNode {
  /** Local name. */
  name: string;
  /** Namespace URI. */
  uri: string;
  /** Attributes by qualified name (`rel`, `i:nil`). */
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true, { xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.onopentag = (tag) => {
    const qualified = tag as sax.QualifiedTag;
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(qualified.attributes)) attributes[attribute.name] = attribute.value;
    const node: XmlNode = { name: qualified.local, uri: qualified.uri, attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  };
  parser.ontext = (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The first element at a slash-separated path below `node`. */
export function find(node: XmlNode, path: string): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const name of path.split('/')) {
    current = current?.children.find((child) => child.name === name);
  }
  return current;
}

export function findAll(node: XmlNode, path: string): XmlNode[] {
  const names = path.split('/');
  let level: XmlNode[] = [node];
  for (const name of names) level = level.flatMap((parent) => parent.children.filter((child) => child.name === name));
  return level;
}

/** Text of the element at `path`; `null` when it is `i:nil="true"`; `undefined` when absent. */
export function valueAt(node: XmlNode, path: string): string | null | undefined {
  const found = find(node, path);
  if (!found) return undefined;
  return found.attributes['i:nil'] === 'true' ? null : found.text;
}

export function childNames(node: XmlNode | undefined): string[] {
  return node ? node.children.map((child) => child.name) : [];
}
