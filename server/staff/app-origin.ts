import "server-only";
import { headers } from "next/headers";

/**
 * The origin links in staff e-mails point to: NEXTAUTH_URL when set (production must set it, so a forged Host
 * header cannot redirect an invitation), otherwise the origin of the current request.
 */
export const appOrigin = async () => {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  try {
    const requestHeaders = await headers();
    const host = requestHeaders.get("host");
    if (host) return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${host}`;
  } catch {
    // Outside a request (tests, scripts): fall through.
  }
  return "http://localhost:3000";
};
