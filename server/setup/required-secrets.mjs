// The secrets a deployment on its own PostgreSQL (DATABASE_URL) must be given. Plain ESM: scripts/start.mjs checks
// before it builds, and the server checks again at boot (server/setup/ensure-*.ts) for starts without start.mjs.

/** A start-up configuration the app refuses to run with; boot prints the message and exits 1. */
export class ConfigurationError extends Error {
  name = "ConfigurationError";
}

/**
 * What is missing, one sentence each (empty when nothing is). On the embedded database nothing is: the app
 * generates both secrets once into files beside the data folder.
 * @param {Record<string, string | undefined>} environment
 * @returns {string[]}
 */
export const missingProductionSecrets = (environment) => {
  if (!environment.DATABASE_URL) return [];
  const missing = [];
  if (!environment.NEXTAUTH_SECRET) {
    missing.push("NEXTAUTH_SECRET is not set. It signs the session cookies; generate one with `openssl rand -base64 32`.");
  }
  if (!environment.HOSTLANE_ENCRYPTION_KEY) {
    missing.push(
      "HOSTLANE_ENCRYPTION_KEY is not set. It encrypts secrets stored in the database; generate one with " +
        "`node -e \"console.log('k1:' + require('crypto').randomBytes(32).toString('base64url'))\"`.",
    );
  }
  return missing;
};

/** @param {string[]} missing */
export const describeMissingSecrets = (missing) =>
  [
    "Hostlane cannot start: DATABASE_URL is set (a production database) but",
    ...missing.map((line) => `  - ${line}`),
    "See README, Security → Secrets and encryption.",
  ].join("\n");
