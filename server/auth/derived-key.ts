import "server-only";
import { hkdfSync } from "node:crypto";

/**
 * A 32-byte key for one purpose, derived from NEXTAUTH_SECRET with HKDF-SHA256: the session secret stays the one
 * secret to keep, and no two purposes (challenge tokens, the TOTP secret box) share a key.
 */
export const deriveKey = (purpose: string): Buffer => {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set; sign-in cannot derive its keys.");
  return Buffer.from(hkdfSync("sha256", secret, "hostlane", purpose, 32));
};
