import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { deriveKey } from "../derived-key";

/**
 * The pending-2FA state between the password and the code: a signed, 5-minute token naming who passed the
 * password step and their session version. It is not a session (no cookie, getPrincipal never reads it); it
 * only lets the second step ask for a code without asking for the password again.
 */
const ZChallenge = z.object({ kind: z.enum(["client", "staff"]), id: z.string(), version: z.number().int(), exp: z.number() });
export type TChallenge = Omit<z.infer<typeof ZChallenge>, "exp">;

const CHALLENGE_SECONDS = 5 * 60;
const sign = (payload: string) => createHmac("sha256", deriveKey("two-factor challenge v1")).update(payload).digest();

export const issueChallenge = (challenge: TChallenge, nowMs = Date.now()) => {
  const payload = Buffer.from(JSON.stringify({ ...challenge, exp: nowMs + CHALLENGE_SECONDS * 1000 })).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
};

/** The challenge when the signature holds and it has not expired, else null. */
export const readChallenge = (token: string, nowMs = Date.now()): TChallenge | null => {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parsed = ZChallenge.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  if (!parsed.success || parsed.data.exp < nowMs) return null;
  const { exp: _exp, ...challenge } = parsed.data;
  return challenge;
};
