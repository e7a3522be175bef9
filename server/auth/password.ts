import "server-only";
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// scrypt is memory-hard and built into Node: no native addon to install. N=2^17, r=8 needs 128·N·r = 128 MiB
// per hash (OWASP's minimum for scrypt); Node's default maxmem is 32 MiB, so it is raised with headroom.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const MAX_N = 2 ** 20;
const maxmemFor = (N: number, r: number) => 128 * N * r + 1024 * 1024;
const KEY_BYTES = 32;

/** Format: scrypt$N$r$p$salt$hash (base64): the parameters travel with the hash, so they can be raised later. */
export const hashPassword = async (password: string) => {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize("NFKC"), salt, KEY_BYTES, { ...PARAMS, maxmem: maxmemFor(PARAMS.N, PARAMS.r) });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), hash.toString("base64")].join("$");
};

const parseHash = (stored: string) => {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  // NOTE: bounded so a corrupt or hostile row cannot make one sign-in allocate gigabytes.
  if (scheme !== "scrypt" || !salt || !hash || !(N >= 2 && N <= MAX_N) || !(R >= 1 && R <= 32) || !(P >= 1 && P <= 16)) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
};

export const verifyPassword = async (password: string, stored: string) => {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await scryptAsync(password.normalize("NFKC"), parsed.salt, parsed.hash.length, {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
    maxmem: maxmemFor(parsed.N, parsed.r),
  });
  return timingSafeEqual(actual, parsed.hash);
};

/** True when the hash was made with weaker parameters than today's: sign-in then stores a fresh hash. */
export const needsRehash = (stored: string) => {
  const parsed = parseHash(stored);
  return !parsed || parsed.N < PARAMS.N || parsed.r < PARAMS.r || parsed.p < PARAMS.p;
};
