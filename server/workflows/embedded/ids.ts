import "server-only";
import { randomFillSync } from "node:crypto";
import { encodeTime } from "ulid";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32, as ULID
const pool = Buffer.alloc(10 * 512);
let offset = pool.length;

/**
 * A ULID (time-sortable, 48-bit ms time + 80 random bits) for executor rows. Same format as `ulid()`, but
 * the randomness comes from a pooled buffer: `ulid()` makes one crypto call per character, which showed
 * up in the executor's hot-path profile.
 */
export const newId = (nowMs: number) => {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let out = "";
  let value = 0;
  let bits = 0;
  for (let i = offset; i < offset + 10; i += 1) {
    value = (value << 8) | pool[i]!;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  offset += 10;
  return encodeTime(nowMs, 10) + out;
};
