import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { now } from "@/server/clock";
import { db } from "@/server/db";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import { safeText } from "@/server/validation/safe-text";
import { changePassword } from "./change-password";
import { ZNewPassword } from "./password-policy";
import type { TPrincipal } from "./principal";
import { requestPasswordReset } from "./password-reset/request-password-reset";
import { resetPassword } from "./password-reset/reset-password";
import { auditActorOf, auditEntityOf, principalRefOf } from "./principal-ref";
import { endAllSessions } from "./set-password";
import { confirmTwoFactor } from "./two-factor/confirm-two-factor";
import { disableTwoFactor } from "./two-factor/disable-two-factor";
import { startTwoFactorEnrolment } from "./two-factor/enrol-two-factor";

/** The signed-in principal's own account (client contact or staff): no permission, it only touches itself. */
const accountProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { principal: ctx.principal } });
});

const ZKind = z.enum(["client", "staff"]);
const ZCode = z.object({ code: z.string().trim().min(1, "Enter the code.").max(40) });
const PASSWORDS_MISMATCH = { path: ["confirmPassword"], message: "The passwords do not match." };

const baseUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

const labelOf = async (principal: TPrincipal) =>
  principal.kind === "client"
    ? ((await db.contact.findUnique({ where: { id: principal.contactId }, select: { email: true } }))?.email ?? principal.name)
    : ((await db.staff.findUnique({ where: { id: principal.staffId }, select: { email: true } }))?.email ?? principal.name);

export const securityRouter = createTRPCRouter({
  /** Always the same answer, whether or not the address has an account. */
  // NOTE: safeText, as the address becomes a rate-limit key and a lookup: PostgreSQL refuses a NUL byte (a 500).
  requestPasswordReset: publicProcedure.input(z.object({ kind: ZKind, email: safeText().trim().max(254) })).mutation(async ({ ctx, input }) => {
    await requestPasswordReset({ ...input, ip: ctx.ip ?? "unknown", baseUrl: baseUrl(), now: now() });
    return { message: "If an account uses this address, we have sent it a link to reset the password. The link is valid for 30 minutes." };
  }),

  resetPassword: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200), password: ZNewPassword, confirmPassword: z.string() }).refine((input) => input.password === input.confirmPassword, PASSWORDS_MISMATCH))
    .mutation(({ ctx, input }) => resetPassword({ token: input.token, password: input.password, ip: ctx.ip ?? "unknown", now: now() })),

  changePassword: accountProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(200), password: ZNewPassword, confirmPassword: z.string() }).refine((input) => input.password === input.confirmPassword, PASSWORDS_MISMATCH))
    .mutation(({ ctx, input }) => changePassword({ principal: ctx.principal, currentPassword: input.currentPassword, newPassword: input.password, ip: ctx.ip })),

  signOutEverywhere: accountProcedure.mutation(async ({ ctx }) => {
    const ref = principalRefOf(ctx.principal);
    await db.$transaction(async (tx) => {
      await endAllSessions(ref, tx);
      await writeAuditEntry({ actor: auditActorOf(ctx.principal), action: `${auditEntityOf(ref).type}.signed-out-everywhere`, entity: auditEntityOf(ref), request: { ip: ctx.ip } }, tx);
    });
  }),

  startTwoFactor: accountProcedure.mutation(async ({ ctx }) =>
    startTwoFactorEnrolment({ ref: principalRefOf(ctx.principal), label: await labelOf(ctx.principal) }),
  ),
  confirmTwoFactor: accountProcedure.input(ZCode).mutation(({ ctx, input }) => confirmTwoFactor({ principal: ctx.principal, code: input.code, now: now(), request: { ip: ctx.ip } })),
  disableTwoFactor: accountProcedure.input(ZCode).mutation(({ ctx, input }) => disableTwoFactor({ principal: ctx.principal, code: input.code, now: now(), request: { ip: ctx.ip } })),
});
