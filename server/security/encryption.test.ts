import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@/server/setup/required-secrets.mjs";
import { DecryptionError, decryptSecret, encryptedKeyId, encryptSecret, generateEncryptionKey, parseKeyring } from "./encryption";

const keyA = generateEncryptionKey("a");
const keyB = generateEncryptionKey("b");
const ringA = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyA });
const ringB = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyB });

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, with the key id and a fresh IV in every value", () => {
    const first = encryptSecret("JBSWY3DPEHPK3PXP – ünïcode", { keyring: ringA });
    const second = encryptSecret("JBSWY3DPEHPK3PXP – ünïcode", { keyring: ringA });
    expect(first).toMatch(/^v1:a:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("JBSWY3DP");
    expect(decryptSecret(first, { keyring: ringA })).toBe("JBSWY3DPEHPK3PXP – ünïcode");
    expect(encryptedKeyId(first)).toBe("a");
  });

  it("detects any change to the ciphertext, the tag, the IV or the key id", () => {
    const stored = encryptSecret("secret", { keyring: ringA });
    const parts = stored.split(":");
    const flip = (part: string) => (part[0] === "A" ? `B${part.slice(1)}` : `A${part.slice(1)}`);
    for (const index of [2, 3, 4]) {
      const tampered = parts.map((part, i) => (i === index ? flip(part) : part)).join(":");
      expect(() => decryptSecret(tampered, { keyring: ringA })).toThrow(DecryptionError);
    }
    // Relabelled to another configured key: the key id is authenticated data.
    const both = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyA, HOSTLANE_ENCRYPTION_KEYS_OLD: keyB.replace(/^b:/, "c:") });
    expect(() => decryptSecret(stored.replace(/^v1:a:/, "v1:c:"), { keyring: both })).toThrow(/altered, or the key is wrong/);
    // A truncated tag is refused, not accepted as a shorter GCM tag.
    expect(() => decryptSecret([...parts.slice(0, 3), parts[3]!.slice(0, 6), parts[4]].join(":"), { keyring: ringA })).toThrow(DecryptionError);
  });

  it("refuses a value under a wrong key or an unknown key id, and non-encrypted input", () => {
    const stored = encryptSecret("secret", { keyring: ringA });
    const wrongKeySameId = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: generateEncryptionKey("a") });
    expect(() => decryptSecret(stored, { keyring: wrongKeySameId })).toThrow(/altered, or the key is wrong/);
    expect(() => decryptSecret(stored, { keyring: ringB })).toThrow(/key "a", which is not configured/);
    expect(() => decryptSecret("plain text", { keyring: ringA })).toThrow(/Not an encrypted value/);
  });

  it("rotation: new writes use the current key, values under the old key stay readable", () => {
    const old = encryptSecret("secret", { keyring: ringA });
    const rotated = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyB, HOSTLANE_ENCRYPTION_KEYS_OLD: `${keyA}, ` });
    expect(decryptSecret(old, { keyring: rotated })).toBe("secret");
    expect(encryptedKeyId(encryptSecret("secret", { keyring: rotated }))).toBe("b");
  });
});

describe("parseKeyring", () => {
  it("explains a missing or malformed key without printing it", () => {
    expect(() => parseKeyring({})).toThrow(ConfigurationError);
    expect(() => parseKeyring({ HOSTLANE_ENCRYPTION_KEY: "no-key-id" })).toThrow(/"<key id>:<base64 key>"/);
    const short = "k1:c2hvcnQta2V5";
    expect(() => parseKeyring({ HOSTLANE_ENCRYPTION_KEY: short })).toThrow(/must be 32 random bytes/);
    try {
      parseKeyring({ HOSTLANE_ENCRYPTION_KEY: short });
    } catch (error) {
      expect((error as Error).message).not.toContain("c2hvcnQta2V5");
    }
    expect(() => parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyA, HOSTLANE_ENCRYPTION_KEYS_OLD: "bad" })).toThrow(/HOSTLANE_ENCRYPTION_KEYS_OLD/);
  });

  it("accepts standard base64 keys too (openssl rand -base64 32)", () => {
    const standard = `k2:${Buffer.alloc(32, 0xfb).toString("base64")}`;
    expect(standard).toMatch(/[+/]/);
    expect(parseKeyring({ HOSTLANE_ENCRYPTION_KEY: standard }).currentId).toBe("k2");
  });
});
