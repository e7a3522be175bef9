import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/env";
import { db } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { ConfigurationError, describeMissingSecrets } from "./required-secrets.mjs";
import { embeddedSecretsDir, readOrCreateSecretFile } from "./secrets-folder";

/** Where installs before #7 kept the generated secret: in the database, so every dump carried it. */
const LEGACY_SETTING_KEY = "auth.sessionSecret";
export const AUTH_SECRET_FILE = "auth-secret";

type TOptions = {
  client?: Pick<Prisma.TransactionClient, "setting">;
  environment?: Record<string, string | undefined>;
  secretsDir?: string;
};

/**
 * NEXTAUTH_SECRET for this process. Set by the operator: used as is. Unset with DATABASE_URL: refuse to start.
 * Unset on the embedded database: generated once into `<PGLITE_DIR>.secrets/auth-secret` (0600), never into
 * the database; an older install's secret is moved there from the Setting table (sessions stay valid).
 */
export const ensureAuthSecret = async ({ client = db, environment = process.env, secretsDir }: TOptions = {}) => {
  if (environment.NEXTAUTH_SECRET) return;
  if (environment.DATABASE_URL) {
    throw new ConfigurationError(
      describeMissingSecrets(["NEXTAUTH_SECRET is not set. It signs the session cookies; generate one with `openssl rand -base64 32`."]),
    );
  }
  const legacy = await client.setting.findUnique({ where: { key: LEGACY_SETTING_KEY } });
  const dir = secretsDir ?? embeddedSecretsDir(environment.PGLITE_DIR ?? env.PGLITE_DIR);
  const secret = readOrCreateSecretFile(dir, AUTH_SECRET_FILE, () =>
    legacy ? String(legacy.value) : randomBytes(32).toString("base64url"),
  );
  // NOTE: only after the file holds it: a crash in between keeps the secret in one place or the other.
  if (legacy) await client.setting.deleteMany({ where: { key: LEGACY_SETTING_KEY } });
  environment.NEXTAUTH_SECRET = secret;
};
