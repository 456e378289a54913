import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { detectEncoding, detectFormat, peek, readRows, uniqueHeaders } from './read-rows';
import { estimateRows } from './row-count';

const rowsOf = async (buf: Buffer, format: 'csv' | 'xlsx') => {
  const out = [];
  for await (const r of readRows(Readable.from([buf]), format)) out.push(r);
  return out;
};

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('其他').addRow(['ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading files', () => {
  it('tells CSV and XLSX from other files by content and name', async () => {
    assert.equal(detectFormat(Buffer.from('a,b\n1,2'), 'x.csv'), 'csv');
    assert.equal(detectFormat(Buffer.from('a\tb\n'), 'x.txt'), 'csv');
    assert.equal(detectFormat(await xlsx([['a']]), 'x.xlsx'), 'xlsx');
    assert.equal(detectFormat(await xlsx([['a']]), 'x.csv'), null, 'a zip named .csv');
    assert.equal(detectFormat(Buffer.from('%PDF-1.7\n'), 'x.pdf'), null);
    assert.equal(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls'), null);
    assert.equal(detectFormat(Buffer.from([0x61, 0, 0x62]), 'bin.csv'), null, 'NUL bytes are not text');
  });

  it('reads UTF-8 with BOM, quoted commas and line breaks, and numbers rows as a spreadsheet does', async () => {
    const csv = Buffer.from('\uFEFF姓名,备注\r\n张三,"a, ""b""\nc"\r\n\r\n李四,x\r\n', 'utf8');
    const rows = await rowsOf(csv, 'csv');
    assert.deepEqual(rows, [
      { rowNo: 1, cells: ['姓名', '备注'] },
      { rowNo: 2, cells: ['张三', 'a, "b"\nc'] },
      { rowNo: 3, cells: [''] },
      { rowNo: 4, cells: ['李四', 'x'] },
    ]);
  });

  it('reads GB18030 (Excel on Chinese Windows) and semicolon or tab separated files', async () => {
    // 姓名,手机\n张三,1  in GBK bytes
    const gbk = Buffer.from([
      0xd0, 0xd5, 0xc3, 0xfb, 0x3b, 0xca, 0xd6, 0xbb, 0xfa, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x3b, 0x31, 0x0a,
    ]);
    assert.deepEqual(await peek(Readable.from([gbk]), 'csv'), { columns: ['姓名', '手机'], sample: [['张三', '1']] });
    // a UTF-8 file whose first 64 KB end inside a character is still UTF-8
    const long = Buffer.from(`姓名\nx${'张'.repeat(30_000)}\n`);
    assert.equal((long[65535]! & 0xc0) === 0x80 || (long[65536]! & 0xc0) === 0x80, true, 'cut inside a character');
    assert.equal(detectEncoding(long), 'utf-8');
    assert.equal((await rowsOf(long, 'csv'))[1]!.cells[0], `x${'张'.repeat(30_000)}`);
    const tsv = await rowsOf(Buffer.from('a\tb\tc,d\n1\t2,3\t4\n'), 'csv');
    assert.deepEqual(tsv[1]!.cells, ['1', '2,3', '4']);
  });

  it('reads the first XLSX sheet: dates, numbers, rich text and formulas as text', async () => {
    const buf = await xlsx([
      ['姓名', '手机', '生日', '积分', '备注'],
      ['王五', 13800138000, new Date(Date.UTC(1990, 0, 2)), 12.5, { richText: [{ text: '富' }, { text: '文本' }] }],
      [],
      ['赵六', '13900139000', '1991/3/4', { formula: '1+1', result: 2 }, null],
    ]);
    const rows = await rowsOf(buf, 'xlsx');
    assert.deepEqual(
      rows.map((r) => r.rowNo),
      [1, 2, 4],
    );
    assert.deepEqual(rows[1]!.cells, ['王五', '13800138000', '1990-01-02', '12.5', '富文本']);
    assert.deepEqual(rows[2]!.cells, ['赵六', '13900139000', '1991/3/4', '2']);
    assert.equal(await estimateRows(Readable.from([buf]), 'xlsx'), 3);
  });

  it('estimates rows cheaply and names blank or repeated headers', async () => {
    assert.equal(await estimateRows(Readable.from([Buffer.from('a\n1\n2')]), 'csv'), 3);
    assert.equal(await estimateRows(Readable.from([Buffer.from('a\n1\n2\n')]), 'csv'), 3);
    assert.deepEqual(uniqueHeaders(['手机', '', '手机', ' 手机 ']), ['手机', '列2', '手机 (2)', '手机 (3)']);
  });
});
