import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token (256 bits) and the SHA-256 kept in the database: a leaked dump cannot be replayed. */
export const createOneTimeToken = (prefix = "") => {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token) };
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
