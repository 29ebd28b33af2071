// Just enough XML for SpreadsheetML parts: a flat stream of start tags, end tags and text, with
// namespace prefixes dropped («x:row» is «row»: the Open XML SDK writes prefixes, Excel doesn't),
// entities and CDATA decoded, comments, processing instructions and doctypes skipped. Well-formed
// input is assumed; anything else yields what can be read and never throws.

export type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

export type XmlStart = Extract<XmlEvent, { kind: 'open' }>;

/**
 * Whether `event` is a start tag (or a self-closing tag) of `name`. It narrows by the name too, so
 * after a false answer the event may still be a start tag of another name.
 */
export function isStart<Name extends string>(event: XmlEvent, name: Name): event is XmlStart & { name: Name } {
  return event.kind === 'open' && event.name === name;
}

/** Whether `event` is an end tag of `name` (a self-closing tag has none). */
export function isEnd(event: XmlEvent, name: string): boolean {
  return event.kind === 'close' && event.name === name;
}

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      // Digits only, so never negative; past Unicode (up to Infinity for hundreds of digits) stays as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[entity] ?? whole;
  });
}

function localName(name: string): string {
  // No colon: indexOf gives -1 and the whole name is kept.
  return name.slice(name.indexOf(':') + 1);
}

/** One pattern, reused: matchAll would copy it for every tag of a sheet (the reader's hottest spot). */
const attributePattern = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  attributePattern.lastIndex = 0;
  for (let match = attributePattern.exec(source); match !== null; match = attributePattern.exec(source)) {
    const name = match[1] as string;
    // Relationship ids keep their prefix («r:id»): a prefixless «id» may sit beside them.
    const key = name.startsWith('xmlns') || name.startsWith('r:') ? name : localName(name);
    attributes[key] = decodeEntities(match[2] ?? (match[3] as string));
  }
  return attributes;
}

export function* xmlEvents(xml: string): Generator<XmlEvent> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      yield { kind: 'text', text: decodeEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: decodeEntities(xml.slice(i, lt)) };
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      yield { kind: 'text', text: xml.slice(lt + 9, end === -1 ? n : end) };
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt === -1) return;
    const inner = xml.slice(lt + 1, gt);
    i = gt + 1;
    // A processing instruction (<?xml …?>) or a declaration (<!DOCTYPE …>).
    if (inner[0] === '?' || inner[0] === '!') continue;
    if (inner.startsWith('/')) {
      yield { kind: 'close', name: localName(inner.slice(1).trim()) };
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    // The name is never read as an attribute: an attribute's name is followed by «=», the tag's by a space.
    const name = localName(body.slice(0, body.search(/\s|$/)));
    yield { kind: 'open', name, attributes: parseAttributes(body), selfClosing };
  }
}
