import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, parseDate } from './dates.ts';

describe('parseDate: the ways class lists write a birth date', () => {
  it.each([
    ['12.03.2013', '2013-03-12'],
    ['  12.03.2013  ', '2013-03-12'],
    ['12-03-2013', '2013-03-12'],
    ['5/3/2013', '2013-03-05'],
    ['12.03.2013г', '2013-03-12'],
    ['12.03.2013 г', '2013-03-12'],
    ['12.03.2013  г.', '2013-03-12'],
    ['12.03.2013 10:15', '2013-03-12'],
    ['12.03.2013   9:05', '2013-03-12'],
    ['12.03.2013 г. 10:15:30', '2013-03-12'],
    ['2013-03-12', '2013-03-12'],
    ['2013-3-5', '2013-03-05'],
    ['2013-03-12T10:15:00.000Z', '2013-03-12'],
    ['2013-03-12 10:15', '2013-03-12'],
    ['12 марта 2013', '2013-03-12'],
    ['12  Марта   2013  г.', '2013-03-12'],
    ['5 февраля 2014 года', '2014-02-05'],
    ['5 фев. 2014 год', '2014-02-05'],
    ['1 мая 2013 г', '2013-05-01'],
    ['1 май 2013г.', '2013-05-01'],
    ['31 декабря 2013', '2013-12-31'],
    ['1 января 1000', '1000-01-01'],
  ])('reads «%s» as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ['112.03.2013', 'a three-digit day'],
    ['12.03.2013 extra', 'text after the date'],
    ['12.03.2013x г', 'letters before «г»'],
    ['12.03.2013x10:15', 'a time not set apart by a space'],
    ['12.03.2013 ab:15', 'a time without an hour'],
    ['12.03.2013 10:5', 'one-digit minutes'],
    ['12.03.2013 10:ab', 'letters for minutes'],
    ['12.03.2013 10:15:3', 'one-digit seconds'],
    ['12.03.2013 10:15:ab', 'letters for seconds'],
    ['12013-03-12', 'a five-digit year'],
    ['2013-03-12abc', 'text after an ISO date'],
    ['2013-03-12x10:15', 'an ISO date with something else than a time'],
    ['112 марта 2013', 'a three-digit day before a month word'],
    ['12 марта 2013 годов', 'a wrong word after the year'],
    ['12 марта 2013 extra', 'text after the year'],
    ['12 мартабря 2013x', 'a year followed by letters'],
    ['12 смарта 2013', 'a word that is no month'],
    ['0999-01-01', 'a year before 1000'],
    ['2013-04-31', 'the 31st of a 30-day month'],
    ['29.02.2013', 'the 29th of February in a common year'],
    ['12.13.2013', 'a thirteenth month (the month written first)'],
    ['00.03.2013', 'day 0'],
    ['2013-00-10', 'month 0'],
  ])('refuses «%s» (%s)', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('takes the 29th of February in a leap year', () => {
    expect(parseDate('29.02.2012')).toBe('2012-02-29');
  });
});

describe('excelSerialToIsoDate', () => {
  it('reads the last day Excel knows, and nothing after it', () => {
    expect(excelSerialToIsoDate(2_958_465)).toBe('9999-12-31');
    expect(excelSerialToIsoDate(2_958_466)).toBeNull();
  });

  it('reads Lotus’s 29 February 1900 (day 60) as the 28th, and the days around it', () => {
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
  });

  it('drops the time of day, and refuses day 0 unless the workbook counts from 1904', () => {
    expect(excelSerialToIsoDate(41_345.75)).toBe('2013-03-12');
    expect(excelSerialToIsoDate(0)).toBeNull();
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToIsoDate(-1, true)).toBeNull();
    expect(excelSerialToIsoDate(Number.NaN)).toBeNull();
  });
});
