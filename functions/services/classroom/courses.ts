// Which class a Classroom course is for, and what it teaches: schools write the class in the
// section («7А», «7 А», «7а класс») or in the name («Алгебра 7А», «7-Б. Физика»). A course that
// names no class, or several («Английский 7А/7Б»), is for no one class (a staff course, an elective).
import { classNameIn } from '../../../shared/names.ts';
import { parseClassName } from '../roster-import/fields.ts';

const classPattern = /(?<![\p{L}\d])(\d{1,2})\s*[-‐‑–—]?\s*[«"]?([А-ЯЁа-яёA-Za-z])[»"]?(?:\s*класс)?(?![\p{L}\d])/gu;

/** The class a text names as the school writes it («7А»), or null. */
function classIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const whole = parseClassName(text);
  if (whole.ok) return whole.value;
  // Latin look-alikes («7A») as parseClassName reads them, then the one class the text names.
  const found = new Set<string>();
  for (const match of text.matchAll(classPattern)) {
    const parsed = parseClassName(`${match[1]}${match[2]}`);
    if (parsed.ok) found.add(parsed.value);
  }
  if (found.size === 1) return [...found][0] ?? null;
  if (found.size > 1) return null;
  const cyrillic = classNameIn(text);
  const parsed = cyrillic ? parseClassName(cyrillic) : null;
  return parsed?.ok ? parsed.value : null;
}

export function courseClass(course: { name: string; section: string | null }): string | null {
  return classIn(course.section) ?? classIn(course.name);
}

/** The subject a course teaches: its name without the class («Алгебра 7А» → «Алгебра»); '' for a homeroom course («7А»). */
export function courseSubject(course: { name: string; section: string | null }): string {
  return course.name
    .replace(classPattern, ' ')
    .replace(/\s*класс\b/giu, ' ')
    .replace(/^[\s,.:;—–-]+|[\s,.:;—–-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A class's name as the school stores it and as courses give it, for comparing the two («7а» = «7А»). */
export function classKey(name: string): string {
  const parsed = parseClassName(name);
  return parsed.ok ? parsed.value : name.trim().toLocaleUpperCase('ru');
}
