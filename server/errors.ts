import { TRPCError } from "@trpc/server";

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

/** Field name → messages, in the same shape as zod's flattened `fieldErrors`, so forms show both alike. */
export type FieldErrors = Record<string, string[]>;

export const AppErrorCode = {
  /** The record does not exist or is not visible to the caller. The two cases are never told apart. */
  NOT_FOUND: "NOT_FOUND",
  /** No signed-in principal of the right kind. The caller should sign in. */
  UNAUTHORIZED: "UNAUTHORIZED",
  /** Signed in, but this principal may not do this. */
  FORBIDDEN: "FORBIDDEN",
  /** Input passed its schema but breaks a business rule; `fieldErrors` says which field. Nothing changed. */
  INVALID_INPUT: "INVALID_INPUT",
  /** An account with this e-mail address already exists. The customer should sign in instead. */
  EMAIL_TAKEN: "EMAIL_TAKEN",
  /** The product or billing cycle is unknown, hidden or not offered in this currency. Reload the catalog. */
  PRODUCT_UNAVAILABLE: "PRODUCT_UNAVAILABLE",
  /** The invoice is already paid in full; no further payment is taken. */
  INVOICE_ALREADY_PAID: "INVOICE_ALREADY_PAID",
  /** This gateway transaction ID was already recorded. The earlier payment stands; nothing was added. */
  DUPLICATE_PAYMENT: "DUPLICATE_PAYMENT",
  /** The account credit does not cover the order (the Account Credit payment method); nothing was created. */
  INSUFFICIENT_CREDIT: "INSUFFICIENT_CREDIT",
  /** The record is not in a state that allows this move (see the transition tables). Re-read and retry. */
  INVALID_STATE_TRANSITION: "INVALID_STATE_TRANSITION",
  /**
   * The product's processing module cannot run as configured (e.g. manual setup with no department to give the
   * task to). Retrying fails the same way: fix the product or handler, then retry the operation.
   */
  MODULE_NOT_CONFIGURED: "MODULE_NOT_CONFIGURED",
  /** No SMTP server is configured (SMTP_URL), so mail cannot be sent. Configure one, restart, then resend. */
  SMTP_NOT_CONFIGURED: "SMTP_NOT_CONFIGURED",
  /** Too many requests or failed attempts; `retryAfterSeconds` says when to try again (HTTP Retry-After). */
  RATE_LIMITED: "RATE_LIMITED",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly details: { message?: string; userMessage?: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(details.message ?? details.userMessage ?? code, { cause: details.cause });
    this.name = "AppError";
  }
}

export const APP_ERROR_STATUS: Record<AppErrorCode, { trpc: TrpcCode; http: number }> = {
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  INVALID_INPUT: { trpc: "BAD_REQUEST", http: 400 },
  EMAIL_TAKEN: { trpc: "CONFLICT", http: 409 },
  PRODUCT_UNAVAILABLE: { trpc: "BAD_REQUEST", http: 400 },
  INVOICE_ALREADY_PAID: { trpc: "PRECONDITION_FAILED", http: 412 },
  DUPLICATE_PAYMENT: { trpc: "CONFLICT", http: 409 },
  INSUFFICIENT_CREDIT: { trpc: "PRECONDITION_FAILED", http: 412 },
  INVALID_STATE_TRANSITION: { trpc: "PRECONDITION_FAILED", http: 412 },
  MODULE_NOT_CONFIGURED: { trpc: "PRECONDITION_FAILED", http: 412 },
  SMTP_NOT_CONFIGURED: { trpc: "PRECONDITION_FAILED", http: 412 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
};

/** The message a user may see: the error's own user message, never internal details. */
export const userMessageOf = (error: AppError) => error.details.userMessage ?? error.message;
