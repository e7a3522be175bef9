import "server-only";
import { headers } from "next/headers";

export type TRequestContext = { ip?: string; userAgent?: string };

const MAX_USER_AGENT = 512;

/**
 * The IP and user agent of the request being handled, or undefined outside one (a workflow step, a script,
 * a test). The first X-Forwarded-For hop is the client as the reverse proxy saw it.
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
  const forwarded = incoming.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || incoming.get("x-real-ip")?.trim() || undefined;
  const userAgent = incoming.get("user-agent")?.slice(0, MAX_USER_AGENT) || undefined;
  return ip || userAgent ? { ip, userAgent } : undefined;
};
