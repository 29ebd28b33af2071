import { describe, expect, it } from 'vitest';
import { encodeCp1251 } from '../../../tests/fixtures/rosters/fixtures.ts';
import { detectDelimiter, parseCsv, readCsv } from './csv.ts';
import { decodeText, looksLikeText } from './text.ts';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode('Фамилия;Имя');
    expect(decodeText(bytes)).toEqual({ text: 'Фамилия;Имя', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: 'Фамилия;Имя', encoding: 'utf-8-bom' });
  });

  it('reads Windows-1251 when the bytes are not UTF-8', () => {
    // «Иванов;Пётр» in cp1251, written out by hand.
    const bytes = new Uint8Array([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x3b, 0xcf, 0xb8, 0xf2, 0xf0]);
    expect(decodeText(bytes)).toEqual({ text: 'Иванов;Пётр', encoding: 'windows-1251' });
    expect(decodeText(encodeCp1251('Ёлкина Юлия Эдуардовна')).text).toBe('Ёлкина Юлия Эдуардовна');
  });

  it('reads UTF-16 LE with a BOM (Excel «Текст Юникод»)', () => {
    const text = 'ФИО\tКласс';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((char, i) => {
      bytes[2 + i * 2] = char.charCodeAt(0) & 0xff;
      bytes[3 + i * 2] = char.charCodeAt(0) >> 8;
    });
    expect(looksLikeText(bytes)).toBe(true);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('tells binary from text', () => {
    expect(looksLikeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).toBe(false);
    expect(looksLikeText(encodeCp1251('Фамилия;Имя\r\n'))).toBe(true);
  });
});

describe('parseCsv', () => {
  it('keeps delimiters, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'ФИО;Примечание\r\n"Иванов; Иван";"сказал ""привет""\nи ушёл"\r\nПетров Пётр;\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ['ФИО', 'Примечание'],
      ['Иванов; Иван', 'сказал "привет"\nи ушёл'],
      ['Петров Пётр', ''],
    ]);
  });

  it('keeps blank lines as rows, so line numbers match the spreadsheet', () => {
    expect(parseCsv('a,b\n\nc,d', ',')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('reads a quote inside an unquoted field as a character, and old Mac line ends', () => {
    expect(parseCsv('7 "А";x\ry;z', ';')).toEqual([
      ['7 "А"', 'x'],
      ['y', 'z'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('finds «;», «,» and tab', () => {
    expect(detectDelimiter('Фамилия;Имя;Класс\nИванов;Иван;7А\n')).toBe(';');
    expect(detectDelimiter('Фамилия,Имя,Класс\nИванов,Иван,7А\n')).toBe(',');
    expect(detectDelimiter('Фамилия\tИмя\tКласс\nИванов\tИван\t7А\n')).toBe('\t');
  });

  it('is not misled by commas inside values of a «;» file, nor by a title line', () => {
    const text = 'Список класса 7А\nФИО;Адрес;Класс\nИванов Иван;г. Энск, ул. Мира, 5;7А\nПетров Пётр;г. Энск, ул. Лесная, 12, кв. 3;7А\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('obeys Excel’s «sep=» line and drops it', () => {
    expect(readCsv('sep=,\nФамилия;Имя,Класс\n')).toEqual({ rows: [['Фамилия;Имя', 'Класс']], delimiter: ',' });
  });
});

describe('parseCsv and readCsv: the edges', () => {
  it('reads nothing from nothing, one empty field from a pair of quotes, to the end from an unclosed quote', () => {
    expect(parseCsv('', ';')).toEqual([]);
    expect(parseCsv('""', ';')).toEqual([['']]);
    expect(parseCsv('"abc', ';')).toEqual([['abc']]);
    expect(parseCsv('"a;b";c', ';')).toEqual([['a;b', 'c']]);
  });

  it('stops after the records asked for', () => {
    expect(parseCsv('a\nb\nc', ';', 2)).toEqual([['a'], ['b']]);
    expect(parseCsv('a\nb\nc', ';', 1)).toEqual([['a']]);
    expect(parseCsv('a\nb', ';', 1)).toEqual([['a']]);
  });

  it('honours «sep=» only on the first line and only for a delimiter it knows', () => {
    expect(readCsv('a;b\n"sep=,"\nc;d')).toEqual({ rows: [['a', 'b'], ['sep=,'], ['c', 'd']], delimiter: ';' });
    expect(readCsv('sep=|\na|b').delimiter).toBe(';');
    expect(readCsv('sep=\t\na\tb')).toEqual({ rows: [['a', 'b']], delimiter: '\t' });
    // «\t» written out, two characters, means a tab too.
    expect(readCsv('sep=\\t\nФамилия\tИмя\nИванов\tИван')).toEqual({
      rows: [
        ['Фамилия', 'Имя'],
        ['Иванов', 'Иван'],
      ],
      delimiter: '\t',
    });
  });

  it('falls back to «;» for a single column', () => {
    expect(detectDelimiter('Иванов\nПетров')).toBe(';');
  });

  it('counts only records with something in them, however many empty cells they have', () => {
    expect(detectDelimiter('a,,\nb,,\nc;d\n')).toBe(',');
    expect(detectDelimiter(' ; \n ; \na,b\n')).toBe(',');
  });

  it('on a tie prefers more columns, then «;» before «,» before tab', () => {
    expect(detectDelimiter('a;b,c\nd;e,f')).toBe(';');
    expect(detectDelimiter('a;b,c,d\ne;f,g,h')).toBe(',');
  });

  it('decides on the first 64 KB', () => {
    expect(detectDelimiter(`a;b\n${'x'.repeat(65_536)}\n${'p,q\n'.repeat(5)}`)).toBe(';');
  });
});

describe('decodeText and looksLikeText: the edges', () => {
  it('reads UTF-16 BE with a BOM, and takes only a whole BOM for one', () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x04, 0x24, 0x00, 0x3b]))).toEqual({ text: 'Ф;', encoding: 'utf-16be' });
    expect(decodeText(new Uint8Array([0xff, 0x41]))).toEqual({ text: 'яA', encoding: 'windows-1251' });
  });

  it('is not text with a NUL byte or more than 1% control characters; tabs, line and page breaks are fine', () => {
    const letters = (count: number) => Array.from({ length: count }, () => 0x41);
    expect(looksLikeText(new Uint8Array([...letters(199), 0x00]))).toBe(false);
    expect(looksLikeText(new Uint8Array([...letters(99), 0x01]))).toBe(true);
    expect(looksLikeText(new Uint8Array([...letters(98), 0x01, 0x02]))).toBe(false);
    expect(looksLikeText(new Uint8Array([...letters(10), 0x09, 0x0a, 0x0d, 0x0c, 0x0c, 0x0c]))).toBe(true);
  });
});
