import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Formats an ISO timestamp in the tenant's time zone. */
export function formatTime(iso: string | null | undefined, timeZone: string, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  if (!iso) return '';
  try {
    return dayjs(iso).tz(timeZone).format(pattern);
  } catch {
    return dayjs(iso).format(pattern);
  }
}

/** Common IANA zones for the settings page (mainland China first). */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
];

/** "UTC+08:00" for a zone, now. */
export function utcOffset(timeZone: string): string {
  try {
    return `UTC${dayjs().tz(timeZone).format('Z')}`;
  } catch {
    return '';
  }
}
