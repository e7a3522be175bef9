// `npm run secrets:reencrypt`: after a key rotation (HOSTLANE_ENCRYPTION_KEY = the new key, the old one moved
// to HOSTLANE_ENCRYPTION_KEYS_OLD), re-encrypts every registered encrypted column with the current key. Safe to
// run while the app runs on PostgreSQL (row by row, compare-and-set); the embedded database must be stopped.
import { db } from "../server/db";
import { reencryptSecrets } from "../server/security/reencrypt-secrets";
import { ensureEncryptionKey } from "../server/setup/ensure-encryption-key";

try {
  ensureEncryptionKey();
  const result = await reencryptSecrets({ client: db });
  if (!result.length) console.log("No encrypted columns are registered yet (server/security/encrypted-columns.ts).");
  for (const { table, column, reencrypted } of result) console.log(`${table}.${column}: ${reencrypted} re-encrypted`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
