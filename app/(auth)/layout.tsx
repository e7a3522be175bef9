import { connection } from "next/server";
import type { ReactNode } from "react";

/**
 * The sign-in pages render per request: a prerendered page carries no CSP nonce on its inline scripts, so the
 * browser would refuse them (proxy.ts). They read nothing else from the request.
 */
const AuthLayout = async ({ children }: { children: ReactNode }) => {
  await connection();
  return children;
};

export default AuthLayout;
