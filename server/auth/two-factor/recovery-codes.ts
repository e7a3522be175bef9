import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;

// NOTE: SHA-256, not scrypt: each code carries 50 random bits, far beyond guessing, and sign-in looks it up by hash.
export const hashRecoveryCode = (code: string) => createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");

/** Accepts what people type: any case, with or without the dash and spaces. */
export const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2p-x9q4r": 10 characters from a 31-letter alphabet without look-alikes. */
export const newRecoveryCodes = () =>
  Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
