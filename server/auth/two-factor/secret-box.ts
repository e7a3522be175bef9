import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "../derived-key";

// WARNING: interim: the TOTP secret is the only secret this part stores, and the shared AES-256-GCM helper
// (server/security/encryption.ts, key id + rotation) is built in parallel. Switch these two functions to it at
// merge; rows written here carry the "tf1" prefix so they can be re-encrypted by the helper's command.
const PREFIX = "tf1";
const key = () => deriveKey("two-factor secret box v1");

/** AES-256-GCM: tf1.<iv>.<tag>.<ciphertext> (base64url). */
export const encryptSecret = (plain: string) => {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [PREFIX, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
};

export const decryptSecret = (sealed: string) => {
  const [prefix, iv, tag, ciphertext] = sealed.split(".");
  if (prefix !== PREFIX || !iv || !tag || !ciphertext) throw new Error("Unknown secret box format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
};
