// Dates as class lists write them: «12.03.2013» (the Russian way), «2013-03-12», «12/03/2013»
// (day first, as Russian Excel does), «12 марта 2013 г.», and Excel's serial day numbers.

const msPerDay = 86_400_000;

/**
 * An Excel serial day number as an ISO date. In the 1900 system day 1 is 1900-01-01 and day 60 is
 * the 29 February 1900 Lotus believed in; in the 1904 system (old Mac workbooks) day 0 is 1904-01-01.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  const time = date1904 ? Date.UTC(1904, 0, 1) + days * msPerDay : Date.UTC(1899, 11, 30) + (days < 60 ? days + 1 : days) * msPerDay;
  return new Date(time).toISOString().slice(0, 10);
}

function isoIfReal(year: number, month: number, day: number): string | null {
  // Years have four digits in every pattern; Date.UTC would read 0050 as 1950.
  if (year < 1000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // What is no date moves to another month: 31.04 to 1 May, day 0 to the month before, month 13 to
  // the next January (a date written month first, «12.13.2013»). A day that fits keeps its month.
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

const monthStems = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

/** A month's number from its name («марта» is 3), or 0 (no month, which isoIfReal refuses). */
function monthFromWord(word: string): number {
  const normal = word.toLocaleLowerCase('ru');
  // «мая» and «май» share only «ма», which «мар(та)» also starts with: check March first.
  return monthStems.findIndex((stem) => normal.startsWith(stem)) + 1;
}

/** A written date as ISO (YYYY-MM-DD), or null when it is not one. Two-digit years are refused. */
export function parseDate(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) return isoIfReal(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u.exec(value);
  if (match) return isoIfReal(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})(?:\s*г(?:ода?)?\.?)?$/u.exec(value);
  if (match) {
    return isoIfReal(Number(match[3]), monthFromWord(match[2] as string), Number(match[1]));
  }
  return null;
}
