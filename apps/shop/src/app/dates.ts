const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD (what the contract's IsoDate wants). */
export const toIsoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** YYYY-MM-DD as a local Date at midnight (no time-zone shift, unlike `new Date('2000-01-31')`). */
export function fromIsoDate(s: string | null | undefined): Date | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** A timestamp as a short local date in the UI language. */
export const formatDate = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** A timestamp as local date and time in the UI language. */
export const formatDateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));
