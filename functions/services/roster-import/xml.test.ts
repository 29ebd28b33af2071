import { describe, expect, it } from 'vitest';
import { decodeEntities, isEnd, isStart, type XmlEvent, xmlEvents } from './xml.ts';

const events = (xml: string): XmlEvent[] => [...xmlEvents(xml)];

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal entities in a cell’s text', () => {
    expect(decodeEntities('Иванов &amp; сыновья &lt;9&gt; &quot;А&quot; &apos;Б&apos;')).toBe('Иванов & сыновья <9> "А" \'Б\'');
    expect(decodeEntities('&#1040;&#x411;&#X412;')).toBe('АБВ');
    expect(decodeEntities('&#0;')).toBe('\u0000');
    expect(decodeEntities('&#x10FFFF;')).toBe(String.fromCodePoint(0x10ffff));
  });

  it('leaves what it cannot decode as it was', () => {
    expect(decodeEntities('&nbsp; &#x110000; &copy')).toBe('&nbsp; &#x110000; &copy');
    expect(decodeEntities('AT&T')).toBe('AT&T');
    expect(decodeEntities('plain')).toBe('plain');
  });
});

describe('xmlEvents', () => {
  it('streams a SpreadsheetML row: tags without prefixes, attributes, text', () => {
    expect(events('<?xml version="1.0"?><x:row r="2" spans = \'1:3\'><x:c r="A2" t="s"><v>7</v></x:c><x:c r="B2"/></x:row>')).toEqual([
      { kind: 'open', name: 'row', attributes: { r: '2', spans: '1:3' }, selfClosing: false },
      { kind: 'open', name: 'c', attributes: { r: 'A2', t: 's' }, selfClosing: false },
      { kind: 'open', name: 'v', attributes: {}, selfClosing: false },
      { kind: 'text', text: '7' },
      { kind: 'close', name: 'v' },
      { kind: 'close', name: 'c' },
      { kind: 'open', name: 'c', attributes: { r: 'B2' }, selfClosing: true },
      { kind: 'close', name: 'row' },
    ]);
  });

  it('keeps namespace declarations and relationship ids whole, drops other prefixes', () => {
    const [sheet] = events('<sheet xmlns="main" xmlns:r="rels" r:id="rId1" x:name="9А" sheetId=\'1\' />');
    expect(sheet).toEqual({
      kind: 'open',
      name: 'sheet',
      attributes: { xmlns: 'main', 'xmlns:r': 'rels', 'r:id': 'rId1', name: '9А', sheetId: '1' },
      selfClosing: true,
    });
    const [quoted] = events(`<t a='x"y' b="&lt;1&gt;" c='' d='ab'/>`);
    expect(quoted).toMatchObject({ attributes: { a: 'x"y', b: '<1>', c: '', d: 'ab' } });
    const [spaced] = events('<t a\t=\t"1" bx="2"/>');
    expect(spaced).toMatchObject({ attributes: { a: '1', bx: '2' } });
    const [closeWithSpace] = events('</x:row  >');
    expect(closeWithSpace).toEqual({ kind: 'close', name: 'row' });
  });

  it('decodes CDATA as it is, skips comments, processing instructions and doctypes', () => {
    expect(events('<t><![CDATA[a <b> &amp; c]]></t><!-- <t>no</t> --><?pi x?><!DOCTYPE t>tail &amp; end')).toEqual([
      { kind: 'open', name: 't', attributes: {}, selfClosing: false },
      { kind: 'text', text: 'a <b> &amp; c' },
      { kind: 'close', name: 't' },
      { kind: 'text', text: 'tail & end' },
    ]);
  });

  it('reads «]]>» kept in CDATA as writers keep it, in two sections one after the other', () => {
    expect(events('<t><![CDATA[a]]]]><![CDATA[>b]]></t>').filter((event) => event.kind === 'text')).toEqual([
      { kind: 'text', text: 'a]]' },
      { kind: 'text', text: '>b' },
    ]);
  });

  it('reads what it can of broken input and never throws', () => {
    expect(events('<t>a<![CDATA[open to the end')).toEqual([
      { kind: 'open', name: 't', attributes: {}, selfClosing: false },
      { kind: 'text', text: 'a' },
      { kind: 'text', text: 'open to the end' },
    ]);
    expect(events('a<!-- never closed <t>')).toEqual([{ kind: 'text', text: 'a' }]);
    expect(events('<t>text<unclosed')).toEqual([
      { kind: 'open', name: 't', attributes: {}, selfClosing: false },
      { kind: 'text', text: 'text' },
    ]);
    expect(events('')).toEqual([]);
    expect(events('just text')).toEqual([{ kind: 'text', text: 'just text' }]);
    expect(events('<a/><b/>')).toHaveLength(2);
  });

  it('a text-free document yields only tags; text ending with «?» or «!» is still text', () => {
    expect(events('<t>why?</t><u>yes!</u>').filter((event) => event.kind === 'text')).toEqual([
      { kind: 'text', text: 'why?' },
      { kind: 'text', text: 'yes!' },
    ]);
    expect(events('<row a="1"/><!--c--><row/>').map((event) => event.kind)).toEqual(['open', 'open']);
    expect(events('<!--a--><!--b--><row/>').map((event) => event.kind)).toEqual(['open']);
    expect(events('<t a="x?"/><u b="y!"></u>').map((event) => event.kind)).toEqual(['open', 'open', 'close']);
  });
});

describe('isStart and isEnd', () => {
  it('tell the start and the end of an element of a name from each other, from other elements and from text', () => {
    const stream = events('<si><si/>si</si><t></t>');
    expect(stream.map((event) => isStart(event, 'si'))).toEqual([true, true, false, false, false, false]);
    expect(stream.map((event) => isEnd(event, 'si'))).toEqual([false, false, false, true, false, false]);
  });
});
