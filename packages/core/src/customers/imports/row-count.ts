/**
 * How many rows a file has, cheaply, for the progress bar before the real pass: CSV counts line
 * breaks; XLSX counts `<row` elements of the first worksheet, inflating only that part of the zip.
 * An estimate (quoted line breaks, blank rows): the job sets the exact number when it ends.
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FileFormat } from '@siyu/contracts';

async function readAll(input: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of input) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function countLines(input: Readable): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return lines + (last === 10 ? 0 : 1);
}

/** The compressed bytes and method of the first `xl/worksheets/sheetN.xml` entry of a zip. */
function firstSheetEntry(zip: Buffer): { data: Buffer; method: number } | null {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries && p + 46 <= zip.length && zip.readUInt32LE(p) === 0x02014b50; n++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const local = zip.readUInt32LE(p + 42);
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    if (zip.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    return { data: zip.subarray(start, start + size), method };
  }
  return null;
}

async function countXlsxRows(input: Readable): Promise<number | null> {
  const entry = firstSheetEntry(await readAll(input));
  if (!entry || (entry.method !== 0 && entry.method !== 8)) return null;
  const xml = entry.method === 8 ? zlib.createInflateRaw() : null;
  let rows = 0;
  let carry = '';
  const count = (text: string) => {
    const s = carry + text;
    rows += s.match(/<row[\s>]/g)?.length ?? 0;
    carry = s.slice(-4);
  };
  if (!xml) count(entry.data.toString('latin1'));
  else {
    xml.end(entry.data);
    for await (const chunk of xml as AsyncIterable<Buffer>) count(chunk.toString('latin1'));
  }
  return rows;
}

/** Rows in the file, the header included; null when it cannot be told cheaply. */
export async function estimateRows(input: Readable, format: FileFormat): Promise<number | null> {
  try {
    return format === 'csv' ? await countLines(input) : await countXlsxRows(input);
  } catch {
    return null;
  } finally {
    input.destroy();
  }
}
