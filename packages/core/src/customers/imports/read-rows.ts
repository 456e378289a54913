/**
 * Reads the rows of an uploaded CSV or XLSX file as strings, streaming (a 100k-row file never sits in
 * memory as objects). CSV: UTF-8 (with or without BOM) or GB18030 — what Excel on Chinese Windows
 * saves — and `,` `;` or tab as the delimiter. XLSX: the first worksheet; dates become YYYY-MM-DD.
 */
import { pipeline, Readable, Transform } from 'node:stream';
import type { FileFormat } from '@siyu/contracts';
import { parse } from 'csv-parse';
import { excel } from './excel';

export type SheetRow = { rowNo: number; cells: string[] };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Content types a browser or client may send a CSV or XLSX file with. */
export const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/vnd.ms-excel', // what Windows with Excel installed calls .csv
  'application/octet-stream',
  XLSX_TYPE,
];

/** csv or xlsx by content (zip signature, or text without NUL bytes) and name; null when it is neither. */
export function detectFormat(head: Buffer, fileName: string): FileFormat | null {
  const ext = fileName.toLowerCase().split('.').at(-1) ?? '';
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (isZip) return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : null;
  if (!['csv', 'txt', 'tsv'].includes(ext)) return null;
  return head.subarray(0, 8192).includes(0) ? null : 'csv';
}

/** UTF-8 when the start decodes as UTF-8; otherwise GB18030 (a superset of GBK and GB2312). */
export function detectEncoding(head: Buffer): 'utf-8' | 'gb18030' {
  try {
    // stream: a character cut at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, 65536), { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function decoder(): Transform {
  let dec: TextDecoder | null = null;
  let pending: Buffer[] = [];
  let size = 0;
  const start = (t: Transform, final: boolean) => {
    const head = Buffer.concat(pending);
    pending = [];
    dec = new TextDecoder(detectEncoding(head));
    t.push(dec.decode(head, { stream: !final }));
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (dec) return cb(null, dec.decode(chunk, { stream: true }));
      pending.push(chunk);
      size += chunk.length;
      if (size >= 65536) start(this, false);
      cb();
    },
    flush(cb) {
      if (!dec) start(this, true);
      else this.push(dec.decode());
      cb();
    },
  });
}

function guessDelimiter(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const best = [',', '\t', ';'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

async function* readCsv(input: Readable): AsyncGenerator<SheetRow> {
  const text = pipeline(input, decoder(), () => {});
  const iter = text[Symbol.asyncIterator]();
  let head = ''; // up to the end of the first line, to guess the delimiter
  while (!head.includes('\n')) {
    const next = await iter.next();
    if (next.done) break;
    head += String(next.value);
  }
  async function* all() {
    yield head;
    for (let next = await iter.next(); !next.done; next = await iter.next()) yield String(next.value);
  }
  const delimiter = guessDelimiter(head.split('\n')[0] ?? '');
  const parser = pipeline(
    Readable.from(all()),
    parse({ delimiter, relax_column_count: true, relax_quotes: true }),
    () => {},
  );
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      yield { rowNo, cells: record.map((c) => c.trim()) };
    }
  } finally {
    input.destroy();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One XLSX cell as the text a person sees. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? v.toISOString() : day;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return '';
}

async function* readXlsx(input: Readable): AsyncGenerator<SheetRow> {
  const ExcelJS = await excel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    try {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
        yield { rowNo: row.number, cells: Array.from(values, cellText) };
      }
    } finally {
      input.destroy();
    }
    return; // the first worksheet only
  }
}

/** Rows of the file in order; `rowNo` is the row number a spreadsheet shows (the header is row 1). */
export function readRows(input: Readable, format: FileFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsx(input) : readCsv(input);
}

export const isBlank = (cells: string[]) => cells.every((c) => c === '');

/** Header cells made usable as mapping keys: blanks named by position, repeats numbered. */
export function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.replace(/\s+/g, ' ').trim().slice(0, 200) || `列${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** The header and the first rows of a file. */
export async function peek(input: Readable, format: FileFormat, sampleSize = 5) {
  let columns: string[] | null = null;
  const sample: string[][] = [];
  for await (const r of readRows(input, format)) {
    if (!columns) {
      if (isBlank(r.cells)) continue;
      columns = uniqueHeaders(r.cells);
      continue;
    }
    if (!isBlank(r.cells)) sample.push(r.cells);
    if (sample.length >= sampleSize) break;
  }
  return { columns: columns ?? [], sample };
}
