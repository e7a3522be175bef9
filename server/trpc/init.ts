import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { headers } from "next/headers";
import { getPrincipal } from "@/server/auth";
import type { TPrincipal } from "@/server/auth/principal";
import { PERMISSIONS, type TPermission } from "@/server/staff/permissions";
import { hasPermission } from "@/server/staff/staff-permissions";
import { APP_ERROR_STATUS, AppError, type FieldErrors, userMessageOf } from "@/server/errors";
import { clientIpFrom } from "@/server/security/client-ip";

// 1. Context ---------------------------------------------------------------------------------------------
/** `ip` keys the per-IP rate limits; callers without a request (tests, scripts) share one bucket. */
export type TrpcContext = { principal: TPrincipal | null; ip?: string };

/** What a procedure declares about itself; staff procedures name their permission. */
type TProcedureMeta = { permission?: TPermission };

export const createTrpcContext = async (): Promise<TrpcContext> => ({ principal: await getPrincipal(), ip: clientIpFrom(await headers()) });

// 2. Initialization --------------------------------------------------------------------------------------
const GENERIC_MESSAGE = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

const t = initTRPC.context<TrpcContext>().meta<TProcedureMeta>().create({
  transformer: superjson,
  errorFormatter: ({ shape, error }) => {
    const cause = error.cause;
    const fieldErrors: FieldErrors | null =
      cause instanceof ZodError
        ? (z.flattenError(cause).fieldErrors as FieldErrors)
        : cause instanceof AppError
          ? (cause.details.fieldErrors ?? null)
          : null;
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";
    if (isInternal) {
      console.error("[trpc] unexpected error", error.cause ?? error);
    }
    return {
      ...shape,
      message: isInternal ? GENERIC_MESSAGE : cause instanceof ZodError ? "Please correct the highlighted fields." : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        appErrorCode: cause instanceof AppError ? cause.code : null,
        fieldErrors,
        retryAfter: cause instanceof AppError ? (cause.details.retryAfterSeconds ?? null) : null,
      },
    };
  },
});

/** The one place domain errors become tRPC errors (house-style.md, Errors). */
const convertAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const appError = result.error.cause;
    throw new TRPCError({ code: APP_ERROR_STATUS[appError.code].trpc, message: userMessageOf(appError), cause: appError });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures -------------------------------------------------------------------------------------------
export const publicProcedure = t.procedure.use(convertAppErrors);

/** A signed-in client contact; handlers read `ctx.principal.clientId` and scope every lookup by it. */
export const clientProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.principal?.kind !== "client") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to your client area." });
  }
  return next({ ctx: { principal: ctx.principal } });
});

/**
 * Staff holding `permission`. A client session, or staff without it, is refused whatever it asks for. The
 * permission is also kept as procedure meta, so a test can walk the router and find any staff procedure
 * that declares none.
 */
export const staffProcedure = (permission: TPermission) =>
  publicProcedure.meta({ permission }).use(async ({ ctx, next }) => {
    if (ctx.principal?.kind !== "staff") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Staff sign-in required." });
    }
    if (!(await hasPermission(ctx.principal, permission))) {
      throw new TRPCError({ code: "FORBIDDEN", message: `You do not have the permission this needs (${PERMISSIONS[permission].label.toLowerCase()}).` });
    }
    return next({ ctx: { principal: ctx.principal } });
  });
