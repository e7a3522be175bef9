import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { decryptSecret, encryptedKeyId, encryptSecret, generateEncryptionKey, parseKeyring } from "@/server/security/encryption";
import { reencryptSecrets } from "@/server/security/reencrypt-secrets";
import { AUTH_SECRET_FILE, ensureAuthSecret } from "@/server/setup/ensure-auth-secret";
import { ENCRYPTION_KEY_FILE, ensureEncryptionKey } from "@/server/setup/ensure-encryption-key";
import { ConfigurationError } from "@/server/setup/required-secrets.mjs";
import { resetDatabase } from "../../db";

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), "hostlane-secrets-")), "pglite.secrets");
const mode = (file: string) => statSync(file).mode & 0o777;

beforeEach(resetDatabase);
afterAll(() => db.$executeRawUnsafe(`DROP TABLE IF EXISTS secret_probe`));

describe("ensureAuthSecret", () => {
  it("with DATABASE_URL and no NEXTAUTH_SECRET refuses to start, saying what to set, and writes nothing", async () => {
    const environment: Record<string, string | undefined> = { DATABASE_URL: "postgres://db/hostlane" };
    const secretsDir = freshDir();
    await expect(ensureAuthSecret({ environment, secretsDir })).rejects.toThrow(ConfigurationError);
    await expect(ensureAuthSecret({ environment, secretsDir })).rejects.toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => statSync(secretsDir)).toThrow();
    expect(environment.NEXTAUTH_SECRET).toBeUndefined();
  });

  it("on the embedded default generates the secret once into a 0600 file, not into the database", async () => {
    const secretsDir = freshDir();
    const first: Record<string, string | undefined> = {};
    await ensureAuthSecret({ environment: first, secretsDir });
    const second: Record<string, string | undefined> = {};
    await ensureAuthSecret({ environment: second, secretsDir });
    expect(first.NEXTAUTH_SECRET).toMatch(/^[\w-]{43}$/);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(mode(path.join(secretsDir, AUTH_SECRET_FILE))).toBe(0o600);
    expect(mode(secretsDir)).toBe(0o700);
    const dump = JSON.stringify(await db.setting.findMany());
    expect(dump).not.toContain(first.NEXTAUTH_SECRET);
  });

  it("moves an older install's secret from the Setting table into the file (sessions stay valid) and deletes the row", async () => {
    await db.setting.create({ data: { key: "auth.sessionSecret", value: "legacy-secret-from-the-database" } });
    const secretsDir = freshDir();
    const environment: Record<string, string | undefined> = {};
    await ensureAuthSecret({ environment, secretsDir });
    expect(environment.NEXTAUTH_SECRET).toBe("legacy-secret-from-the-database");
    expect(readFileSync(path.join(secretsDir, AUTH_SECRET_FILE), "utf8").trim()).toBe("legacy-secret-from-the-database");
    expect(await db.setting.findUnique({ where: { key: "auth.sessionSecret" } })).toBeNull();
  });

  it("keeps an operator's NEXTAUTH_SECRET and touches neither files nor the database", async () => {
    const secretsDir = freshDir();
    const environment: Record<string, string | undefined> = { NEXTAUTH_SECRET: "operator", DATABASE_URL: "postgres://db/x" };
    await ensureAuthSecret({ environment, secretsDir });
    expect(environment.NEXTAUTH_SECRET).toBe("operator");
    expect(() => statSync(secretsDir)).toThrow();
  });
});

describe("ensureEncryptionKey", () => {
  it("with DATABASE_URL and no key refuses to start; a malformed key is refused too", () => {
    expect(() => ensureEncryptionKey({ environment: { DATABASE_URL: "postgres://db/x" }, secretsDir: freshDir() })).toThrow(
      /HOSTLANE_ENCRYPTION_KEY is not set/,
    );
    expect(() =>
      ensureEncryptionKey({ environment: { DATABASE_URL: "postgres://db/x", HOSTLANE_ENCRYPTION_KEY: "k1:short" }, secretsDir: freshDir() }),
    ).toThrow(/must be 32 random bytes/);
  });

  it("on the embedded default generates a key once (0600); an operator's key later becomes a rotation", () => {
    const secretsDir = freshDir();
    const first: Record<string, string | undefined> = {};
    ensureEncryptionKey({ environment: first, secretsDir });
    const again: Record<string, string | undefined> = {};
    ensureEncryptionKey({ environment: again, secretsDir });
    expect(again.HOSTLANE_ENCRYPTION_KEY).toBe(first.HOSTLANE_ENCRYPTION_KEY);
    expect(mode(path.join(secretsDir, ENCRYPTION_KEY_FILE))).toBe(0o600);
    const written = encryptSecret("totp-secret", { keyring: parseKeyring(first) });

    const operator: Record<string, string | undefined> = { HOSTLANE_ENCRYPTION_KEY: generateEncryptionKey("ops") };
    ensureEncryptionKey({ environment: operator, secretsDir });
    const keyring = parseKeyring(operator);
    expect(keyring.currentId).toBe("ops");
    expect(decryptSecret(written, { keyring })).toBe("totp-secret");
  });

  it("does not copy an operator's key into a file", () => {
    const secretsDir = freshDir();
    ensureEncryptionKey({ environment: { HOSTLANE_ENCRYPTION_KEY: generateEncryptionKey("ops") }, secretsDir });
    expect(() => statSync(path.join(secretsDir, ENCRYPTION_KEY_FILE))).toThrow();
  });
});

describe("reencryptSecrets over a real table", () => {
  const columns = [{ table: "secret_probe", idColumn: "id", column: "token" }];

  it("moves every value written under old keys to the current key, leaving current ones and NULLs alone", async () => {
    const [keyA, keyB, keyC] = [generateEncryptionKey("a"), generateEncryptionKey("b"), generateEncryptionKey("c")];
    const ringA = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyA });
    const ringB = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyB, HOSTLANE_ENCRYPTION_KEYS_OLD: keyA });
    const ringC = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyC, HOSTLANE_ENCRYPTION_KEYS_OLD: `${keyA},${keyB}` });
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS secret_probe`);
    await db.$executeRawUnsafe(`CREATE TABLE secret_probe (id text PRIMARY KEY, token text)`);
    const rows = Array.from({ length: 25 }, (_, i) => ({
      id: `row-${String(i).padStart(2, "0")}`,
      plain: `secret-${i}`,
      ring: i % 3 === 0 ? ringA : i % 3 === 1 ? ringB : ringC,
    }));
    for (const row of rows) {
      await db.$executeRawUnsafe(`INSERT INTO secret_probe VALUES ($1, $2)`, row.id, encryptSecret(row.plain, { keyring: row.ring }));
    }
    await db.$executeRawUnsafe(`INSERT INTO secret_probe VALUES ('row-null', NULL)`);
    const untouched = await db.$queryRawUnsafe<{ token: string }[]>(`SELECT token FROM secret_probe WHERE id = 'row-02'`);

    // Small batches, so paging over several of them is exercised.
    const result = await reencryptSecrets({ client: db, columns, keyring: ringC, batchSize: 4 });
    expect(result).toEqual([{ table: "secret_probe", column: "token", reencrypted: 17 }]);

    const after = await db.$queryRawUnsafe<{ id: string; token: string | null }[]>(`SELECT id, token FROM secret_probe ORDER BY id`);
    const onlyC = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: keyC });
    for (const row of rows) {
      const stored = after.find(({ id }) => id === row.id)!.token!;
      expect(encryptedKeyId(stored)).toBe("c");
      expect(decryptSecret(stored, { keyring: onlyC })).toBe(row.plain);
    }
    expect(after.find(({ id }) => id === "row-02")!.token).toBe(untouched[0]!.token);
    expect(after.find(({ id }) => id === "row-null")!.token).toBeNull();
    expect(await reencryptSecrets({ client: db, columns, keyring: ringC })).toEqual([{ table: "secret_probe", column: "token", reencrypted: 0 }]);
  });

  it("stops at a value it cannot decrypt, naming the row but not the value", async () => {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS secret_probe`);
    await db.$executeRawUnsafe(`CREATE TABLE secret_probe (id text PRIMARY KEY, token text)`);
    const lost = encryptSecret("secret-under-a-lost-key", { keyring: parseKeyring({ HOSTLANE_ENCRYPTION_KEY: generateEncryptionKey("lost") }) });
    await db.$executeRawUnsafe(`INSERT INTO secret_probe VALUES ('r1', $1)`, lost);
    const keyring = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: generateEncryptionKey("now") });
    const run = reencryptSecrets({ client: db, columns, keyring });
    await expect(run).rejects.toThrow(/secret_probe\.token of row r1: The value was encrypted with key "lost"/);
    const [{ token }] = await db.$queryRawUnsafe<{ token: string }[]>(`SELECT token FROM secret_probe`) as [{ token: string }];
    expect(token).toBe(lost);
  });

  it("refuses a registry entry that is not a plain identifier", async () => {
    const keyring = parseKeyring({ HOSTLANE_ENCRYPTION_KEY: generateEncryptionKey("now") });
    await expect(reencryptSecrets({ client: db, columns: [{ table: 'x"; DROP TABLE "Setting', idColumn: "id", column: "c" }], keyring })).rejects.toThrow(
      /Not a plain SQL identifier/,
    );
  });
});
