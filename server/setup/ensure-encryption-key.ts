import "server-only";
import { env } from "@/env";
import { generateEncryptionKey, parseKeyring } from "@/server/security/encryption";
import { ConfigurationError, describeMissingSecrets } from "./required-secrets.mjs";
import { embeddedSecretsDir, readOrCreateSecretFile, readSecretFileIfExists } from "./secrets-folder";

export const ENCRYPTION_KEY_FILE = "encryption-key";

type TOptions = { environment?: Record<string, string | undefined>; secretsDir?: string };

/**
 * HOSTLANE_ENCRYPTION_KEY for this process, checked at start so a bad key fails the start, not the first
 * secret written. Set by the operator: used (and, on the embedded database, the generated key file stays
 * readable as an old key, so setting one later is a rotation). Unset with DATABASE_URL: refuse to start.
 * Unset on the embedded database: generated once into `<PGLITE_DIR>.secrets/encryption-key` (0600).
 */
export const ensureEncryptionKey = ({ environment = process.env, secretsDir }: TOptions = {}) => {
  const dir = () => secretsDir ?? embeddedSecretsDir(environment.PGLITE_DIR ?? env.PGLITE_DIR);
  if (!environment.HOSTLANE_ENCRYPTION_KEY) {
    if (environment.DATABASE_URL) {
      throw new ConfigurationError(
        describeMissingSecrets(["HOSTLANE_ENCRYPTION_KEY is not set. It encrypts secrets stored in the database (README)."]),
      );
    }
    environment.HOSTLANE_ENCRYPTION_KEY = readOrCreateSecretFile(dir(), ENCRYPTION_KEY_FILE, () => generateEncryptionKey());
  } else if (!environment.DATABASE_URL) {
    const generated = readSecretFileIfExists(dir(), ENCRYPTION_KEY_FILE);
    if (generated && generated !== environment.HOSTLANE_ENCRYPTION_KEY) {
      environment.HOSTLANE_ENCRYPTION_KEYS_OLD = [environment.HOSTLANE_ENCRYPTION_KEYS_OLD, generated].filter(Boolean).join(",");
    }
  }
  parseKeyring(environment);
};
