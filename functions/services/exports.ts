// Exports of a report table: XLSX (exceljs), CSV (UTF-8 with a BOM, «;»-separated as Excel in a
// Russian locale expects, so Cyrillic and the columns open right), and a Google Sheet created in
// the curator's Drive with their own token (never stored; the API's root from GOOGLE_API_ROOT_URL,
// so tests speak to a fake of the Sheets REST API).
//
// exceljs and the Sheets client load when an export is asked for, not at every cold start of the
// function (together they are megabytes of code).
import type { Cell, ReportTable } from './report-tables.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export async function toXlsx(tables: ReportTable[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Наставник';
  for (const table of tables) {
    const sheet = book.addWorksheet(table.name.slice(0, 31));
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = Math.min(
        50,
        Math.max(10, ...[table.columns[i], ...table.rows.map((r) => r[i])].map((v) => String(v ?? '').length + 2)),
      );
    });
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const csvCell = (value: Cell) => {
  const text = value === null ? '' : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** CSV with a BOM: Excel then reads it as UTF-8, not as Windows-1251. */
export function toCsv(table: ReportTable): string {
  return `\uFEFF${[table.columns, ...table.rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** Creates a spreadsheet in the token's Drive with one sheet per table; returns its address. */
export async function toGoogleSheet(token: string, title: string, tables: ReportTable[]): Promise<{ spreadsheet_id: string; url: string }> {
  const rootUrl = process.env.GOOGLE_API_ROOT_URL || 'https://sheets.googleapis.com/';
  const { sheets } = await import('@googleapis/sheets');
  const api = sheets({ version: 'v4', rootUrl, headers: { authorization: `Bearer ${token}` } });
  const created = await api.spreadsheets.create({
    requestBody: { properties: { title }, sheets: tables.map((table) => ({ properties: { title: table.name } })) },
  });
  const id = created.data.spreadsheetId;
  if (!id) throw new Error('Google Sheets answered without a spreadsheet id');
  await api.spreadsheets.values.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      valueInputOption: 'RAW',
      data: tables.map((table) => ({
        range: `${table.name}!A1`,
        values: [[table.title], table.columns, ...table.rows.map((row) => row.map((v) => v ?? ''))],
      })),
    },
  });
  return { spreadsheet_id: id, url: created.data.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}` };
}
