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
