/** Calendar arithmetic in a tenant's time zone, without a date library. */

/** Milliseconds by which `tz` is ahead of UTC at instant `at`. */
export function zoneOffsetMs(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in `tz`. */
export function startOfDayIn(day: string, tz: string): Date {
  const naive = new Date(`${day}T00:00:00Z`);
  const guess = new Date(naive.getTime() - zoneOffsetMs(tz, naive));
  // a second pass settles days on which the offset changes (daylight saving)
  return new Date(naive.getTime() - zoneOffsetMs(tz, guess));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `tz`. */
export const dayIn = (at: Date, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
