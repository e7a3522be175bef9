import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

/** The HMAC key: the signing key with its `signkey-<env>-` prefix removed, used as UTF-8 text (workflow-engine.md §4.11). */
const hmacKey = (signingKey: string) => signingKey.replace(/^signkey-\w+-/, "");

/**
 * Signs a call request body the way the Inngest server does. The SDK verifies the HMAC over the
 * RFC 8785 canonical form of the parsed body plus the timestamp, so the body sent must be exactly `body`.
 * `nowMs` must come from Date.now(): the SDK checks the timestamp against its own Date (±5 min).
 */
export const signBody = (bodyJson: unknown, signingKey: string, nowMs = Date.now()) => {
  const body = canonicalize(bodyJson)!;
  const t = String(Math.floor(nowMs / 1000));
  const s = createHmac("sha256", hmacKey(signingKey)).update(body + t).digest("hex");
  return { body, signature: `t=${t}&s=${s}` };
};

/** Verifies an SDK response signature (`x-inngest-signature`) over the raw response body. */
export const verifyResponseSignature = (rawBody: string, header: string | null, signingKey: string) => {
  const params = new URLSearchParams(header ?? "");
  const t = params.get("t");
  const s = params.get("s");
  if (!t || !s) return false;
  const expected = createHmac("sha256", hmacKey(signingKey)).update(rawBody + t).digest("hex");
  return expected.length === s.length && timingSafeEqual(Buffer.from(expected), Buffer.from(s));
};
