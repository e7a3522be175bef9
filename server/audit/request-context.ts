import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "@/server/security/client-ip";

export type TRequestContext = { ip?: string; userAgent?: string };

const MAX_USER_AGENT = 512;

/**
 * The IP and user agent of the request being handled, or undefined outside one (a workflow step, a script,
 * a test). The IP is read as the rate limits read it (TRUST_PROXY, server/security/client-ip.ts).
 */
export const readRequestContext = async (): Promise<TRequestContext | undefined> => {
  let incoming: Headers;
  try {
    incoming = await headers();
  } catch (error) {
    // NOTE: Next signals dynamic rendering with errors that carry a digest; those must propagate.
    if (error && typeof error === "object" && "digest" in error) throw error;
    return undefined;
  }
  const found = clientIpFrom(incoming);
  const ip = found === "unknown" ? undefined : found;
  const userAgent = incoming.get("user-agent")?.slice(0, MAX_USER_AGENT) || undefined;
  return ip || userAgent ? { ip, userAgent } : undefined;
};
