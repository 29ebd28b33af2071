// Dates as the extension shows and sends them, once: the API's dates are ISO days («2026-12-01»)
// or instants; a person sees them in their language.
import { language } from './i18n.ts';

/** Today in the person's time zone, as an ISO day (a meeting's `held_on`, the default evidence date). */
export function today(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** «1 декабря 2026 г.»: an ISO day read at noon, so that no time zone moves it to the day before. */
export function formatDate(date: string): string {
  return new Date(date.length === 10 ? `${date}T12:00:00` : date).toLocaleDateString(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** Whole days from a date to now (never negative). */
export function daysSince(date: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(date)) / 86_400_000));
}

/** A month as people name it: «сент. 2026 г.» (the first day of the month, «2026-09-01», or «2026-09»). */
export function formatMonth(month: string): string {
  return new Date(`${month.slice(0, 7)}-15T12:00:00`).toLocaleDateString(language, { month: 'short', year: 'numeric' });
}
