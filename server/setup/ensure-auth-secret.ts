import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/server/db";

const KEY = "auth.sessionSecret";

/**
 * Zero-setup installs have no NEXTAUTH_SECRET: generate one once and keep it in the database, so every
 * instance and every restart signs and reads session cookies with the same key.
 */
export const ensureAuthSecret = async () => {
  if (process.env.NEXTAUTH_SECRET) return;
  await db.setting.createMany({ data: [{ key: KEY, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  const setting = await db.setting.findUniqueOrThrow({ where: { key: KEY } });
  process.env.NEXTAUTH_SECRET = String(setting.value);
};
