// Dates and durations for display, in the UI's language.
import type { Language } from '../i18n';

const locale = (lng: Language) => (lng === 'zh' ? 'zh-CN' : 'en-GB');

/** "23 Nov 2026, 09:30" / "2026/11/23 09:30" from Unix ms or an ISO string. */
export function formatDateTime(value: number | string, lng: Language): string {
  const date = typeof value === 'number' ? new Date(value) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(lng), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A calendar day "YYYY-MM-DD" shown in the locale's form, without time-zone shifts. */
export function formatDay(day: string, lng: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale(lng), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "5 minutes ago" / "5分钟前" relative to `now` (both Unix ms). */
export function formatRelative(then: number, now: number, lng: Language): string {
  const rtf = new Intl.RelativeTimeFormat(locale(lng), { numeric: 'auto' });
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** The value for an <input type="datetime-local"> from a Date (local time, minutes). */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** An ISO-8601 date-time with the local offset ("2026-11-23T09:30:00+08:00") from a Date. */
export function toIsoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** A share 0..1 as "42%". */
export function formatPercent(share: number, lng: Language): string {
  return new Intl.NumberFormat(locale(lng), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
