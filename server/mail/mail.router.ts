import "server-only";
import { TRPCError } from "@trpc/server";
import { now } from "@/server/clock";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { ZMailIdInput } from "./mail.schemas";
import { getOutboxMail, listOutboxMail } from "./outbox-queries";
import { resendMail } from "./resend-mail";

/** Staff: the mail outbox (Admin → Settings → Mail Outbox). Thin: parse, call one use case, shape. */
export const mailRouter = createTRPCRouter({
  listOutbox: staffProcedure("mail.read").query(() => listOutboxMail()),

  getOutboxMail: staffProcedure("mail.read").input(ZMailIdInput).query(async ({ input }) => {
    const mail = await getOutboxMail(input);
    if (!mail) throw new TRPCError({ code: "NOT_FOUND", message: "This message does not exist." });
    return mail;
  }),

  resend: staffProcedure("mail.send").input(ZMailIdInput).mutation(({ input, ctx }) => resendMail({ mailId: input.mailId, staffId: ctx.principal.staffId, now: now() })),
});
