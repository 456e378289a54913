/**
 * Working hours and time windows of a live code, in the tenant's time zone: pure functions of an
 * instant (the timer job and the add hook pass ctx.clock.now()).
 */
import type { StoredSchedule, StoredWindow } from './live-codes.types';

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The weekday (1 Monday … 7 Sunday) and HH:MM of an instant in `tz`. */
export function localTime(at: Date, tz: string): { weekday: number; hhmm: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { weekday: WEEKDAY[get('weekday')] ?? 1, hhmm: `${get('hour')}:${get('minute')}` };
}

/** Within [start, end); a window whose end is before its start wraps midnight. */
export function inWindow(w: StoredWindow, hhmm: string): boolean {
  if (w.start === w.end) return true;
  return w.start < w.end ? hhmm >= w.start && hhmm < w.end : hhmm >= w.start || hhmm < w.end;
}

/** No schedule: always on duty. Otherwise on duty inside any slot of today's weekday. */
export function onDuty(schedule: StoredSchedule | null, at: Date, tz: string): boolean {
  if (!schedule || schedule.slots.length === 0) return true;
  const { weekday, hhmm } = localTime(at, tz);
  return schedule.slots.some((s) => s.weekdays.includes(weekday) && inWindow(s, hhmm));
}

export function skipVerifyAt(
  mode: 'always' | 'never' | 'window',
  window: StoredWindow | null,
  at: Date,
  tz: string,
): boolean {
  if (mode === 'always') return true;
  if (mode === 'never' || !window) return false;
  return inWindow(window, localTime(at, tz).hhmm);
}
