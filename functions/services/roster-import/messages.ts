// The import's messages in both languages, in one place: every row issue and file error is made
// here, so the wording stays consistent (the curator reads them in the preview).
import type { FileError, FileErrorCode, RosterField, RowIssue, RowIssueCode } from './types.ts';

type Params = Record<string, string | number>;

const rowMessages: Record<RowIssueCode, [ru: string, en: string]> = {
  missing_last: ['Не указана фамилия', 'The surname is missing'],
  missing_first: ['Не указано имя', 'The first name is missing'],
  bad_name: ['В имени недопустимые символы: «{value}»', 'The name has characters a name cannot have: “{value}”'],
  initials_only: [
    'Имя и отчество даны только инициалами: так можно найти уже известного человека, но не создать нового',
    'Only initials are given: enough to find a known person, not to create a new one',
  ],
  initials_not_found: [
    'Только инициалы, и такого человека в школе нет: укажите имя полностью',
    'Only initials, and no such person is in the school: give the full first name',
  ],
  bad_email: ['Неверный адрес электронной почты: «{value}»', 'Not an e-mail address: “{value}”'],
  bad_class: [
    'Класс «{value}» не похож на номер и букву (например, 7А, 10-Б, 11 В)',
    'Class “{value}” is not a grade and a letter (e.g. 7А, 10-Б, 11 В)',
  ],
  bad_birth_date: ['Не удалось прочитать дату рождения «{value}»', 'Cannot read the date of birth “{value}”'],
  bad_birth_year: ['Невозможный год рождения: {value}', 'Impossible year of birth: {value}'],
  birth_year_mismatch: [
    'Год рождения {year} не совпадает с датой рождения {date}',
    'Year of birth {year} does not agree with the date of birth {date}',
  ],
  bad_sex: ['Пол «{value}» не распознан (ожидается М или Ж): не заполнен', 'Sex “{value}” not recognised (М or Ж expected): left empty'],
  bad_phone: ['Телефон «{value}» не похож на номер: не заполнен', 'Phone “{value}” does not look like a number: left empty'],
  duplicate_in_file: ['Этот человек уже есть в файле в строке {first}', 'The same person is already in the file at line {first}'],
};

const warnings = new Set<RowIssueCode>(['initials_only', 'bad_sex', 'bad_phone', 'birth_year_mismatch']);

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function rowIssue(
  line: number,
  code: RowIssueCode,
  column: { header: string; field: RosterField } | null,
  params: Params = {},
): RowIssue {
  const [ru, en] = rowMessages[code];
  return {
    line,
    column: column?.header ?? null,
    field: column?.field ?? null,
    code,
    severity: warnings.has(code) ? 'warning' : 'error',
    message_ru: fill(ru, params),
    message_en: fill(en, params),
  };
}

const fileMessages: Record<FileErrorCode, [ru: string, en: string]> = {
  file_too_large: ['Файл больше {limit} МБ', 'The file is larger than {limit} MB'],
  empty_file: ['Файл пуст', 'The file is empty'],
  unsupported_format: [
    'Файл не похож на таблицу CSV, Excel (XLSX), веб-страницу с таблицей или список JSON: сохраните список класса в одном из этих форматов',
    'The file is neither CSV, Excel (XLSX), a web page with a table nor a JSON list: save the class list in one of these formats',
  ],
  legacy_xls: [
    'Старый формат Excel (.xls) или защищённый паролем файл: сохраните его как «Книга Excel (.xlsx)» или CSV',
    'An old Excel (.xls) or password-protected file: save it as “Excel Workbook (.xlsx)” or CSV',
  ],
  unreadable_xlsx: ['Не удалось прочитать файл Excel: {detail}', 'Cannot read the Excel file: {detail}'],
  unreadable_file: ['Не удалось прочитать файл: {detail}', 'Cannot read the file: {detail}'],
  no_header: [
    'Не найдена строка заголовков: в первых {rows} строках нет столбцов «ФИО» или «Фамилия» и «Имя»',
    'No header row: none of the first {rows} rows has a “ФИО” column, or “Фамилия” and “Имя” columns',
  ],
  too_many_rows: ['В файле больше {limit} строк: разделите его на несколько', 'The file has more than {limit} rows: split it'],
};

export function fileError(code: FileErrorCode, params: Params = {}): FileError {
  const [ru, en] = fileMessages[code];
  return { code, message_ru: fill(ru, params), message_en: fill(en, params) };
}
