const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters XML 1.0 cannot carry even escaped (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content and attribute values; unrepresentable characters become U+FFFD. */
export function escapeXml(text: string): string {
  if (!needsEscaping(text)) return text;
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** `<name>value</name>`, or `<name i:nil="true" />` for null, as DataContract serialization writes. */
export function field(name: string, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return `<${name} i:nil="true" />`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A container element around already-rendered children, or nil. */
export function group(name: string, children: readonly string[] | null): string {
  if (children === null) return `<${name} i:nil="true" />`;
  return `<${name}>${children.join('')}</${name}>`;
}

/** Fast check (most values are plain): markup, controls, surrogates (paired ones are then kept), U+FFFE/F. */
function needsEscaping(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    } else if (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) {
      return true;
    }
  }
  return false;
}
