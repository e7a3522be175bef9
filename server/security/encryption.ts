import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ConfigurationError } from "@/server/setup/required-secrets.mjs";

/**
 * Secrets at rest (2FA secrets, panel credentials, bank details): AES-256-GCM, one random 96-bit IV per value,
 * the key id in the value so old rows stay readable after a rotation. Stored form (base64url parts):
 *
 *   v1:<key id>:<iv>:<auth tag>:<ciphertext>
 *
 * "v1:<key id>" is authenticated too (GCM additional data), so a value cannot be relabelled to another key.
 * Keys: HOSTLANE_ENCRYPTION_KEY="<key id>:<32 bytes, base64url or base64>" encrypts; HOSTLANE_ENCRYPTION_KEYS_OLD
 * ("<id>:<key>,<id>:<key>") only decrypts. `npm run secrets:reencrypt` moves every registered column
 * (encrypted-columns.ts) to the current key.
 */

const VERSION = "v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export type TKeyring = { currentId: string; keys: ReadonlyMap<string, Buffer> };

/** A value that is not ours, was changed, or was written with a key this process does not have. */
export class DecryptionError extends Error {
  name = "DecryptionError";
}

// NOTE: messages name the variable and the key id, never the key.
const parseKey = (entry: string, variable: string): [string, Buffer] => {
  const separator = entry.indexOf(":");
  const id = entry.slice(0, separator);
  // "base64" decoding accepts the url-safe alphabet too.
  const key = Buffer.from(entry.slice(separator + 1), "base64");
  if (separator < 1 || !KEY_ID.test(id)) {
    throw new ConfigurationError(`${variable} must be "<key id>:<base64 key>" with a key id of letters, digits, - or _.`);
  }
  if (key.length !== 32) {
    throw new ConfigurationError(`${variable}: the key "${id}" must be 32 random bytes (base64), got ${key.length}.`);
  }
  return [id, key];
};

/** The keyring described by the environment; throws ConfigurationError when the current key is missing or bad. */
export const parseKeyring = (environment: Record<string, string | undefined>): TKeyring => {
  const current = environment.HOSTLANE_ENCRYPTION_KEY?.trim();
  if (!current) throw new ConfigurationError("HOSTLANE_ENCRYPTION_KEY is not set (README: Secrets and encryption).");
  const [currentId, currentKey] = parseKey(current, "HOSTLANE_ENCRYPTION_KEY");
  const keys = new Map<string, Buffer>();
  for (const entry of (environment.HOSTLANE_ENCRYPTION_KEYS_OLD ?? "").split(",").map((part) => part.trim())) {
    if (entry) keys.set(...parseKey(entry, "HOSTLANE_ENCRYPTION_KEYS_OLD"));
  }
  keys.set(currentId, currentKey);
  return { currentId, keys };
};

let cached: { source: string; keyring: TKeyring } | undefined;
/** The process's keyring, read from the environment (boot fills it on the embedded default). */
export const processKeyring = () => {
  const source = `${process.env.HOSTLANE_ENCRYPTION_KEY}|${process.env.HOSTLANE_ENCRYPTION_KEYS_OLD}`;
  if (cached?.source !== source) cached = { source, keyring: parseKeyring(process.env) };
  return cached.keyring;
};

/** A new random key in the HOSTLANE_ENCRYPTION_KEY format. */
export const generateEncryptionKey = (id = `k${Date.now().toString(36)}`) => `${id}:${randomBytes(32).toString("base64url")}`;

export const encryptSecret = (plaintext: string, { keyring = processKeyring() }: { keyring?: TKeyring } = {}) => {
  const header = `${VERSION}:${keyring.currentId}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.keys.get(keyring.currentId)!, iv);
  cipher.setAAD(Buffer.from(header));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [header, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
};

/** The key id a stored value was written with (undefined when it is not an encrypted value). */
export const encryptedKeyId = (stored: string) => {
  const parts = stored.split(":");
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
};

export const decryptSecret = (stored: string, { keyring = processKeyring() }: { keyring?: TKeyring } = {}) => {
  const parts = stored.split(":");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("Not an encrypted value (expected v1:…).");
  const [, keyId, iv, tag, data] = parts as [string, string, string, string, string];
  const key = keyring.keys.get(keyId);
  if (!key) {
    throw new DecryptionError(`The value was encrypted with key "${keyId}", which is not configured (HOSTLANE_ENCRYPTION_KEYS_OLD).`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError(`The value does not verify under key "${keyId}": it was altered, or the key is wrong.`);
  }
};
