import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, isDateFormatCode, openXlsx, type XlsxBook } from './xlsx.ts';

const officeDocument = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const rel = (kind: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;

/** A zip of the given parts, as Excel would write them (or a little differently). */
function zip(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}

/** Offsets in a zip's central directory entry: how its data is packed, and its unpacked size. */
const entryMethod = 10;
const entryUnpackedSize = 24;

/** Overwrites a field of the central directory entry of `name`, which is what a reader checks first. */
function setEntry(bytes: Uint8Array, name: string, field: number, value: number, size: 2 | 4 = 4): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = strToU8(name);
  for (let offset = 0; offset + 46 < bytes.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50 || view.getUint16(offset + 28, true) !== wanted.length) continue;
    if (!bytes.subarray(offset + 46, offset + 46 + wanted.length).every((byte, k) => byte === wanted[k])) continue;
    if (size === 2) view.setUint16(offset + field, value, true);
    else view.setUint32(offset + field, value, true);
    return;
  }
  throw new Error(`no entry ${name}`);
}

/** A one-sheet workbook at the usual paths; `parts` adds or replaces any part. */
function workbook(sheetData: string, parts: Record<string, string> = {}, tail = ''): Uint8Array {
  return zip({
    // Excel lists the document's properties before the workbook.
    '_rels/.rels': `<Relationships>
      <Relationship Id="rId3" Type="${rel('extended-properties')}" Target="docProps/app.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
      <Relationship Id="rId1" Type="${officeDocument}" Target="xl/workbook.xml"/>
    </Relationships>`,
    'docProps/app.xml': '<Properties><Application>Microsoft Excel</Application></Properties>',
    'docProps/core.xml': '<cp:coreProperties><dc:creator>Завуч</dc:creator></cp:coreProperties>',
    'xl/workbook.xml': '<workbook><sheets><sheet name="7А" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `<Relationships>
      <Relationship Id="rId1" Type="${rel('worksheet')}" Target="worksheets/sheet1.xml"/>
      <Relationship Id="rId2" Type="${rel('sharedStrings')}" Target="sharedStrings.xml"/>
      <Relationship Id="rId3" Type="${rel('styles')}" Target="styles.xml"/>
    </Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${sheetData}</sheetData>${tail}</worksheet>`,
    ...parts,
  });
}

function opened(bytes: Uint8Array): XlsxBook {
  const result = openXlsx(bytes);
  if (!result.ok) throw new Error(result.detail);
  return result.book;
}

const cellsOf = (bytes: Uint8Array, maxRows = 100) =>
  opened(bytes)
    .readSheet(0, maxRows)
    .rows.map((row) => [row.line, row.cells]);

describe('columnIndex and columnLetter', () => {
  it('turn spreadsheet column letters into 0-based indexes and back', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA1')).toBe(26);
    expect(columnIndex('ab12')).toBe(27);
    expect(columnIndex('XFD1048576')).toBe(16_383);
    expect(columnIndex('12')).toBeNull();
    expect(columnIndex('1A')).toBeNull();
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
  });
});

describe('isDateFormatCode', () => {
  it.each([
    ['dd.mm.yyyy', true],
    ['ДД.ММ.ГГГГ', true],
    ['[$-419]mmmm', true],
    ['mmm', true],
    ['yy', true],
    ['h:mm', false],
    ['mm:ss', false],
    ['чч:мм', false],
    ['[h]:mm:ss', false],
    ['0.00', false],
    ['"day "0', false],
    ['\\d0', false],
    ['[Red]0.00', false],
    ['"x"mm', true],
  ])('«%s» shows a date: %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});

describe('openXlsx', () => {
  it('reads every kind of cell: shared, inline and formula strings, booleans, errors, ISO dates, numbers', () => {
    const strings = `<sst>
      <si><t>Иванов</t></si>
      <si/>
      <si><r><t>Пе</t></r><r><t xml:space="preserve">тров</t></r><rPh sb="0" eb="1"><t>ペ</t></rPh><phoneticPr/></si>
      <si><t>строка_x000D_вторая</t><t/><rPh/></si>
    </sst>`;
    const bytes = workbook(
      `<row r="1">
        <c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>9</v></c>
      </row>
      <row r="2">
        <c r="A2" t="inlineStr"><is><t>Сидоров</t></is></c>
        <c r="B2" t="str"><f>A1</f><v>итог_x0009_</v></c>
        <c r="C2" t="b"><v> 1 </v></c><c r="D2" t="b"><v>0</v></c>
        <c r="E2" t="e"><v>#N/A</v></c>
        <c r="F2" t="d"><v> 2013-03-12T00:00:00 </v></c>
        <c r="G2"><v>0.30000000000000004</v></c><c r="H2"><v>0.1</v></c><c r="I2"><v> </v></c><c r="J2"><v> abc </v></c>
        <c r="K2" t="inlineStr"><is/></c>
        <c r="L2"><v/></c><c r="M2"><v>7</v></c>
      </row>`,
      { 'xl/sharedStrings.xml': strings },
    );
    expect(cellsOf(bytes)).toEqual([
      [1, ['Иванов', '', 'Петров', 'строка\rвторая']],
      [2, ['Сидоров', 'итог\t', 'TRUE', 'FALSE', '', '2013-03-12', '0.3', '0.1', '', 'abc', '', '', '7']],
    ]);
  });

  it('formats a number as a date only where the cell’s style is a date (built-in or custom)', () => {
    const styles = `<styleSheet>
      <numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>
      <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf/><xf numFmtId="22"/></cellXfs>
      <cellXfs/>
      <xf numFmtId="14"/>
    </styleSheet>`;
    const bytes = workbook(
      `<row r="1"><c r="A1" s="0"><v>41345</v></c><c r="B1" s="1"><v>41345</v></c><c r="C1" s="2"><v>41345.5</v></c>
       <c r="D1" s="3"><v>41345</v></c><c r="E1" s="4"><v>41345</v></c><c r="F1" s="5"><v>41345</v></c><c r="G1" s="1"><v>-5</v></c><c r="H1" s="6"><v>41345</v></c></row>`,
      { 'xl/styles.xml': styles },
    );
    expect(cellsOf(bytes)).toEqual([[1, ['41345', '2013-03-12', '2013-03-12', '41345', '41345', '2013-03-12', '-5', '41345']]]);
  });

  it('counts days from 1904 when the workbook says so', () => {
    const styles = '<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>';
    for (const flag of ['1', 'true']) {
      const bytes = workbook('<row r="1"><c r="A1"><v>0</v></c></row>', {
        'xl/styles.xml': styles,
        'xl/workbook.xml': `<workbook><workbookPr date1904="${flag}"/><sheets><sheet name="7А" r:id="rId1"/></sheets></workbook>`,
      });
      expect(cellsOf(bytes)).toEqual([[1, ['1904-01-01']]]);
    }
    const in1900 = workbook('<row r="1"><c r="A1"><v>1</v></c></row>', {
      'xl/styles.xml': styles,
      'xl/workbook.xml': '<workbook><workbookPr date1904="0"/><sheets><sheet name="7А" r:id="rId1"/></sheets></workbook>',
    });
    expect(cellsOf(in1900)).toEqual([[1, ['1900-01-01']]]);
  });

  it('places cells by their reference, or after the previous one; rows by their number, or after the previous one', () => {
    const bytes = workbook(
      `<row r="2"><c r="C2"><v>3</v></c><c><v>4</v></c><c r="12"><v>5</v></c></row>
       <row><c><v>1</v></c></row>
       <row r="7"/>
       <row r="8"><c r="B8"/><c r="IV8"><v>256</v></c><c r="IW8"><v>257</v></c></row>`,
    );
    expect(cellsOf(bytes)).toEqual([
      [2, ['', '', '3', '4', '5']],
      [3, ['1']],
      // Row 7 holds no value: it is left out.
      [8, [...Array.from({ length: 255 }, () => ''), '256']],
    ]);
  });

  it('stops after the rows asked for and says the sheet had more', () => {
    const bytes = workbook('<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row><row r="3"><c><v>3</v></c></row>');
    expect(opened(bytes).readSheet(0, 2)).toEqual({
      name: '7А',
      rows: [
        { line: 1, cells: ['1'] },
        { line: 2, cells: ['2'] },
      ],
      truncated: true,
    });
    expect(opened(bytes).readSheet(0, 3).truncated).toBe(false);
  });

  it('counts only rows that hold a value: formatted empty rows are left out, and do not make a sheet longer', () => {
    const bytes = workbook(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" s="1" customFormat="1"/><row r="3"><c r="A3" s="1"/><c r="B3"><v/></c></row>' +
        '<row r="4"><c r="B4"><v>4</v></c></row><row r="5" s="1" customFormat="1"/><row r="6"><c r="A6" s="1"/></row>',
    );
    expect(opened(bytes).readSheet(0, 2)).toEqual({
      name: '7А',
      rows: [
        { line: 1, cells: ['1'] },
        { line: 4, cells: ['', '4'] },
      ],
      truncated: false,
    });
    expect(opened(bytes).readSheet(0, 1)).toMatchObject({ rows: [{ line: 1 }], truncated: true });
  });

  it('fills a vertical merge down its first column, never a horizontal one', () => {
    const bytes = workbook(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Список 7А</t></is></c></row>
       <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>7А</t></is></c></row>
       <row r="3"><c r="A3"><v>2</v></c></row>
       <row r="4"><c r="A4"><v>3</v></c><c r="B4" t="inlineStr"><is><t>свой</t></is></c></row>
       <row r="6"><c r="A6"><v>5</v></c></row>
       <row r="7"><c r="A7"><v>6</v></c></row>`,
      {},
      '<mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="B2:C6"/><mergeCell ref="A7:A6"/><mergeCell ref="C3:C4"/><mergeCell/><mergeCell ref="B2"/></mergeCells>',
    );
    expect(cellsOf(bytes)).toEqual([
      [1, ['Список 7А']],
      [2, ['1', '7А']],
      [3, ['2', '7А']],
      [4, ['3', 'свой']],
      [6, ['5', '7А']],
      [7, ['6']],
    ]);
  });

  it('finds the workbook where the package says, whatever the case of part names and however targets are written', () => {
    const bytes = zip({
      '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${officeDocument}" Target="/book/WORKBOOK.xml"/></Relationships>`,
      'book/Workbook.xml':
        '<x:workbook><x:sheets><x:sheet name="Диаграмма" r:id="rId9"/><x:sheet name="Ученики" sheetId="2" r:id="rId2"/><x:sheet name="Пусто" r:id="rId3"/><x:sheet name="Лишний" r:id="rId4"/></x:sheets></x:workbook>',
      'book/_rels/workbook.xml.rels': `<Relationships>
        <Relationship Id="rId9" Type="${rel('chartsheet')}" Target="charts/chart1.xml"/>
        <Relationship Id="rId2" Type="${rel('worksheet')}" Target="./sheets/../sheets/one.xml"/>
        <Relationship Id="rId3" Type="${rel('worksheet')}" Target="sheets/missing.xml"/>
        <Relationship Id="rId4" Type="${rel('worksheet')}" Target="http://example.com/x.xml" TargetMode="External"/>
        <Relationship Id="rId5" Type="${rel('sharedStrings')}" Target="/book/Strings.XML"/>
      </Relationships>`,
      'book/sheets/ONE.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
      'book/strings.xml': '<sst><si><t>Иванов</t></si></sst>',
    });
    const book = opened(bytes);
    expect(book.sheetNames).toEqual(['Ученики', 'Пусто']);
    expect(book.readSheet(0, 10)).toEqual({ name: 'Ученики', rows: [{ line: 1, cells: ['Иванов'] }], truncated: false });
    expect(book.readSheet(1, 10)).toEqual({ name: 'Пусто', rows: [], truncated: false });
    expect(book.readSheet(2, 10)).toEqual({ name: '', rows: [], truncated: false });
  });

  it('follows the package relationship to a workbook part of any name, and to nothing else', () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Иванов</t></is></c></row></sheetData></worksheet>';
    const book = (target: string, extra: Record<string, string> = {}) =>
      zip({
        '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${officeDocument}" Target="${target}"/></Relationships>`,
        'content/book.xml': '<workbook><sheets><sheet name="7А" r:id="rId1"/></sheets></workbook>',
        'content/_rels/book.xml.rels': `<Relationships><Relationship Id="rId1" Type="${rel('worksheet')}" Target="s1.xml"/></Relationships>`,
        'content/s1.xml': sheet,
        ...extra,
      });
    expect(cellsOf(book('content/book.xml'))).toEqual([[1, ['Иванов']]]);
    // A part that merely ends in workbook.xml is not the workbook when the package names another.
    const decoy = { 'xl/workbook.xml': '<workbook><sheets><sheet name="Чужой" r:id="rId1"/></sheets></workbook>' };
    expect(opened(book('/content/book.xml', decoy)).sheetNames).toEqual(['7А']);
    expect(openXlsx(book('content/missing.xml', decoy))).toEqual({ ok: false, detail: 'no workbook' });
  });

  it('skips a sheet with no relationship to its cells, and lists one without a name under an empty name', () => {
    const bytes = workbook('<row r="1"><c r="A1"><v>1</v></c></row>', {
      'xl/workbook.xml': '<workbook><sheets><sheet name="Без связи" sheetId="1"/><sheet r:id="rId1"/></sheets></workbook>',
    });
    expect(opened(bytes).sheetNames).toEqual(['']);
    expect(cellsOf(bytes)).toEqual([[1, ['1']]]);
  });

  it('reads a number as a number when its custom format has no code', () => {
    const styles = '<styleSheet><numFmts><numFmt numFmtId="164"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>';
    expect(cellsOf(workbook('<row r="1"><c r="A1"><v>41345</v></c></row>', { 'xl/styles.xml': styles }))).toEqual([[1, ['41345']]]);
  });

  it('reads shared strings when the first one is empty and written as <si/>', () => {
    const bytes = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', {
      'xl/sharedStrings.xml': '<sst count="2" uniqueCount="2"><si/><si><t>Иванов</t></si></sst>',
    });
    expect(cellsOf(bytes)).toEqual([[1, ['', 'Иванов']]]);
  });

  it('without a package relationship, looks for xl/workbook.xml', () => {
    const bytes = workbook('<row r="1"><c r="A1"><v>1</v></c></row>', {
      '_rels/.rels': '<Relationships/>',
    });
    expect(cellsOf(bytes)).toEqual([[1, ['1']]]);
  });

  it('says what is wrong with a file that is no workbook', () => {
    expect(openXlsx(strToU8('not a zip'))).toEqual({ ok: false, detail: expect.any(String) });
    expect(openXlsx(zip({ 'readme.txt': 'hello' }))).toEqual({ ok: false, detail: 'no workbook' });
    const noSheets = workbook('', { 'xl/_rels/workbook.xml.rels': '<Relationships/>' });
    expect(openXlsx(noSheets)).toEqual({ ok: false, detail: 'no worksheets' });
  });

  it('refuses a workbook that says it unpacks to more than 64 MB (a zip bomb), before unpacking it', () => {
    const saying = (size: number) => {
      const bytes = zip({ 'xl/workbook.xml': '<workbook/>' });
      setEntry(bytes, 'xl/workbook.xml', entryUnpackedSize, size);
      return bytes;
    };
    expect(openXlsx(saying(64 * 1024 * 1024 + 1))).toEqual({ ok: false, detail: 'the unpacked workbook is too large' });
    // 64 MB itself is read (and this workbook has no sheets).
    expect(openXlsx(saying(64 * 1024 * 1024))).toEqual({ ok: false, detail: 'no worksheets' });
  });

  it('reads a string’s text runs only, not what stands between them', () => {
    const strings = '<sst><si><r><t>Ива</t></r>\n  <r>\n<rPr><b/></rPr>\n<t>нов</t>\n</r>\n</si><si><t>7А</t>\n</si></sst>';
    const bytes = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', {
      'xl/sharedStrings.xml': strings,
    });
    expect(cellsOf(bytes)).toEqual([[1, ['Иванов', '7А']]]);
  });

  it('takes the styles of cells from cellXfs only, not from what follows it', () => {
    const styles = '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs><dxfs><xf numFmtId="14"/></dxfs></styleSheet>';
    const bytes = workbook('<row r="1"><c r="A1" s="1"><v>41345</v></c><c r="B1" s="2"><v>41345</v></c></row>', {
      'xl/styles.xml': styles,
    });
    expect(cellsOf(bytes)).toEqual([[1, ['2013-03-12', '41345']]]);
  });

  it('reads what Excel writes verbosely: styles with alignment, explicit end tags, a formula first, indented strings', () => {
    const styles = `<styleSheet>
      <numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"></numFmt></numFmts>
      <cellXfs count="3">
        <xf numFmtId="0" applyAlignment="1"><alignment horizontal="center"/></xf>
        <xf numFmtId="164" applyNumberFormat="1"><alignment wrapText="1"/><protection locked="0"/></xf>
        <xf numFmtId="14"></xf>
      </cellXfs>
    </styleSheet>`;
    const strings = `<sst count="2">
      <si>
        <t>Иванов</t>
      </si>
      <si><r><t>Пе</t></r><rPh sb="0" eb="1"><t>ペ</t></rPh><r><t>тров</t></r><phoneticPr fontId="1"/></si>
    </sst>`;
    const bytes = workbook(
      `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
       <row r="2"><c r="A2"><v/></c><c r="B2" s="1"><f>DATE(2013,3,12)</f><v>41345</v></c><c r="C2" s="2"><v>41346</v></c></row>`,
      {
        'xl/styles.xml': styles,
        'xl/sharedStrings.xml': strings,
        '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${officeDocument}" Target="xl/workbook.xml"></Relationship></Relationships>`,
        'xl/workbook.xml':
          '<workbook><workbookPr date1904="false"></workbookPr><sheets><sheet name="7А" sheetId="1" r:id="rId1"></sheet></sheets></workbook>',
      },
    );
    expect(cellsOf(bytes)).toEqual([
      [1, ['2', 'Иванов', 'Петров']],
      [2, ['', '2013-03-12', '2013-03-13']],
    ]);
  });

  it('finds the strings and styles at Excel’s paths when the workbook’s relationships leave them out, or reads none', () => {
    const cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>41345</v></c></row>';
    const relsWithSheetOnly = `<Relationships><Relationship Id="rId1" Type="${rel('worksheet')}" Target="worksheets/sheet1.xml"/></Relationships>`;
    const parts = {
      'xl/_rels/workbook.xml.rels': relsWithSheetOnly,
      'xl/sharedStrings.xml': '<sst><si><t>Иванов</t></si></sst>',
      'xl/styles.xml': '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    };
    expect(cellsOf(workbook(cells, parts))).toEqual([[1, ['Иванов', '2013-03-12']]]);
    const bare = zip({
      'xl/workbook.xml': '<workbook><sheets><sheet name="7А" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': relsWithSheetOnly,
      'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${cells}</sheetData></worksheet>`,
    });
    // No package relationships, no strings, no styles: a string cell is empty, a number is a number.
    expect(cellsOf(bare)).toEqual([[1, ['', '41345']]]);
  });

  it('reads a workbook beside a large picture: only the parts it reads count towards 64 MB', () => {
    const bytes = workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>Иванов</t></is></c></row>', { 'xl/media/image1.png': 'png' });
    setEntry(bytes, 'xl/media/image1.png', entryUnpackedSize, 100 * 1024 * 1024);
    expect(cellsOf(bytes)).toEqual([[1, ['Иванов']]]);
  });

  it('reads a workbook beside a part it could not unpack, since it never unpacks it', () => {
    const bytes = workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>Иванов</t></is></c></row>', { 'xl/media/image1.png': 'png' });
    // Packed with bzip2 (method 12), which some zip tools offer and no reader here knows.
    setEntry(bytes, 'xl/media/image1.png', entryMethod, 12, 2);
    expect(cellsOf(bytes)).toEqual([[1, ['Иванов']]]);
  });

  it('fills merges in columns past Z and rows past 9, into rows shorter than the merge, and skips one starting on an empty row', () => {
    const bytes = workbook(
      `<row r="10"><c r="A10"><v>1</v></c><c r="AB10" t="inlineStr"><is><t>7А</t></is></c></row>
       <row r="11"><c r="A11"><v>2</v></c></row>
       <row r="12"><c r="A12"><v>3</v></c></row>`,
      {},
      '<mergeCells><mergeCell ref="AB10:AB12"/><mergeCell ref="C8:C12"/></mergeCells>',
    );
    const filled = [...Array.from({ length: 27 }, () => ''), '7А'];
    expect(cellsOf(bytes)).toEqual([
      [10, ['1', ...filled.slice(1)]],
      [11, ['2', ...filled.slice(1)]],
      [12, ['3', ...filled.slice(1)]],
    ]);
  });

  it('fills a merge down only from a column it read, and a one-row merge not at all', () => {
    const wide = `<c r="IW1" t="inlineStr"><is><t>за краем</t></is></c>`;
    const bytes = workbook(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>7А</t></is></c>${wide}</row><row r="2"><c r="B2"><v>1</v></c></row>`,
      {},
      '<mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="IW1:IW2"/></mergeCells>',
    );
    expect(cellsOf(bytes)).toEqual([
      [1, ['7А']],
      [2, ['', '1']],
    ]);
  });
});
