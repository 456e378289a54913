import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
/** The random part: two halves of 40 bits (8 chars each), plain numbers rather than a bigint. */
const HALF = 2 ** 40;

/** Random bytes drawn 4 KiB at a time: one system call per ~400 ids (bulk writes make thousands). */
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

function randomBytes(n: number): Buffer {
  if (offset + n > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  offset += n;
  return POOL.subarray(offset - n, offset);
}

/** 40 random bits from 5 bytes. */
function randomHalf(): number {
  const b = randomBytes(5);
  return b[0]! * 2 ** 32 + b.readUInt32BE(1);
}

/** A random step of 1..2^20, so ids made in one millisecond still do not give each other away. */
function randomStep(): number {
  const b = randomBytes(3);
  return ((b[0]! << 12) | (b[1]! << 4) | (b[2]! >> 4)) + 1;
}

function encode(value: number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

let lastTime = -1;
let hi = 0;
let lo = 0;

/**
 * A prefixed, time-sortable id: `stf_` + 10 chars of milliseconds + 16 random chars. Sorting ids
 * sorts by creation time, which keyset pagination relies on — also within one millisecond of one
 * process: an id made in the same millisecond as the previous one (or at the same injected clock
 * time) takes the previous random part plus a random step, so it sorts after it (ULID's monotonic
 * mode). Across processes, ids of one millisecond are ordered at random.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  const t = now.getTime();
  if (t === lastTime) {
    lo += randomStep();
    if (lo >= HALF) {
      lo -= HALF;
      hi += 1;
    }
    if (hi >= HALF) [hi, lo] = [randomHalf(), randomHalf()];
  } else {
    [hi, lo] = [randomHalf(), randomHalf()];
    lastTime = t;
  }
  return `${prefix}_${encode(t, 10)}${encode(hi, 8)}${encode(lo, 8)}`;
}
