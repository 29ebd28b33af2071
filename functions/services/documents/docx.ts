// The school's documents as DOCX (orders, regulations, letters, reports) with the `docx` library:
// one look for all of them — Times New Roman 14 pt, A4 with the margins Russian office work uses
// (ГОСТ Р 7.0.97-2016: left 30 mm, right 10 mm, top and bottom 20 mm), headings centred — so
// each document module only says what it contains.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** A block of a document: a paragraph, a heading, a table. */
export type Block = Paragraph | Table;

/** A centred bold heading (the document's name, «ПРИКАЗ», «ПОЛОЖЕНИЕ»). */
export function heading(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text, bold: true })] });
}

/** A justified paragraph with a first-line indent of 1.25 cm, as in the body of an order. */
export function paragraph(text: string, options: { bold?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: mm(12.5) },
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold })],
  });
}

/** A numbered clause («1. Утвердить…»), the number written out so it survives any viewer. */
export function clause(number: string, text: string): Paragraph {
  return paragraph(`${number}. ${text}`);
}

/** A line on the right (the approval block, «Приложение 1 к приказу…»). */
export function right(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text })] });
}

/** A signature line: the position on the left, the name on the right. */
export function signature(position: string, name: string): Paragraph {
  return new Paragraph({
    spacing: { before: 480 },
    tabStops: [{ type: 'right', position: mm(170) }],
    children: [new TextRun({ text: position }), new TextRun({ text: `\t____________ ${name}` })],
  });
}

/** A table with a header row; every cell is text. */
export function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 24 })] })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

/** The document as the bytes of a .docx file. */
export async function docx(title: string, blocks: Block[]): Promise<Uint8Array> {
  const document = new Document({
    title,
    creator: 'Наставник',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(10) },
          },
        },
        children: blocks,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
