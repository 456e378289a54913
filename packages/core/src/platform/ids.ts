import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** Random bytes drawn 4 KiB at a time: one system call per 256 ids (bulk writes make thousands). */
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

/**
 * A prefixed, time-sortable id: `stf_` + 10 chars of milliseconds + 16 random chars.
 * Sorting ids sorts by creation time, which keyset pagination relies on.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  let t = now.getTime();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  if (offset + 16 > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  let rand = '';
  for (let i = offset; i < offset + 16; i++) rand += ALPHABET[POOL[i]! % 32];
  offset += 16;
  return `${prefix}_${time}${rand}`;
}
