import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { getMailDeliverySettings } from "@/server/mail/outbox-queries";
import { placeOrder } from "@/server/orders/place-order";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { callerFor } from "@/tests/support/trpc";
import { DELIVER_MAIL, mailRow, queueTestMail, startWorkflows, SWEEP_MAIL_OUTBOX, setUpMailTests, useSmtpServer } from "./mail-test-kit";

const T0 = new Date("2026-03-01T09:00:00Z");
const NOT_CONFIGURED = "Not sent: no SMTP server configured";

const { startCapture } = setUpMailTests(T0);

describe("the mail outbox without an SMTP server (the embedded default)", () => {
  it("keeps every mail QUEUED and readable, marked not sent, and nothing fails", async () => {
    const catalog = await seedCatalog();
    const wf = await startWorkflows();
    await placeOrder({ input: buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }), now: T0 });
    await wf.drain();

    const rows = await db.outboxMail.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "QUEUED", attempts: 0, nextAttemptAt: null, sentAt: null, lastError: null });
      expect(row.html).toContain("<!doctype html>");
    }
    expect(await wf.runs({ functionId: DELIVER_MAIL })).toMatchObject([
      { status: "COMPLETED", output: { outcome: "HELD" } },
      { status: "COMPLETED", output: { outcome: "HELD" } },
    ]);

    const caller = callerFor((await createStaffFixture()).principal);
    const outbox = await caller.mail.listOutbox();
    expect(outbox.map(({ status, attempts, delivery }) => ({ status, attempts, delivery }))).toEqual([
      { status: "QUEUED", attempts: 0, delivery: NOT_CONFIGURED },
      { status: "QUEUED", attempts: 0, delivery: NOT_CONFIGURED },
    ]);
    expect(outbox[0]).not.toHaveProperty("text");
    const detail = await caller.mail.getOutboxMail({ mailId: outbox[0]!.id });
    expect(detail).toMatchObject({ delivery: NOT_CONFIGURED, canResend: false, text: rows.find((row) => row.id === outbox[0]!.id)!.text });
    expect(getMailDeliverySettings()).toEqual({ smtpServer: null, from: null, replyTo: null });

    // Held mail is not due: the sweep announces nothing, however long it waits.
    vi.setSystemTime(new Date("2026-03-02T09:00:00Z"));
    await wf.tickCron(SWEEP_MAIL_OUTBOX);
    await wf.drain();
    expect(await wf.runs({ functionId: SWEEP_MAIL_OUTBOX })).toMatchObject([{ status: "COMPLETED", output: { announced: 0 } }]);
  });

  it("refuses a resend while no SMTP server is configured and changes nothing", async () => {
    const wf = await startWorkflows();
    const mail = await queueTestMail("unsent");
    await wf.drain();
    const held = await mailRow(mail.id);
    const caller = callerFor((await createStaffFixture()).principal);

    await expect(caller.mail.resend({ mailId: mail.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: "No SMTP server is configured (SMTP_URL), so the message cannot be sent. It stays in the outbox.",
    });
    expect(await mailRow(mail.id)).toEqual(held);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("sends a held mail only when staff resend it once SMTP is configured, and audits the resend", async () => {
    const wf = await startWorkflows();
    const mail = await queueTestMail("held");
    await wf.drain();

    const capture = await startCapture();
    useSmtpServer(capture.url());
    const { principal, staff } = await createStaffFixture({ name: "Grace Hopper" });
    const caller = callerFor(principal);
    expect(await caller.mail.getOutboxMail({ mailId: mail.id })).toMatchObject({
      status: "QUEUED", delivery: "Not sent: held while no SMTP server was configured; resend to deliver it", canResend: true,
    });
    // Configuring SMTP does not send old mail by surprise.
    vi.setSystemTime(new Date("2026-03-01T10:00:00Z"));
    await wf.tickCron(SWEEP_MAIL_OUTBOX);
    await wf.drain();
    expect(capture.inbox).toEqual([]);

    expect(await caller.mail.resend({ mailId: mail.id })).toEqual({ mailId: mail.id, status: "QUEUED" });
    await wf.drain();
    expect(capture.inbox.map(({ envelopeTo }) => envelopeTo)).toEqual([[mail.to]]);
    expect(await mailRow(mail.id)).toMatchObject({ status: "SENT", attempts: 1, sentAt: new Date("2026-03-01T10:00:00Z") });
    expect(await db.auditLog.findMany()).toMatchObject([
      {
        staffId: staff.id, action: "mail.resend-requested", entityType: "OutboxMail", entityId: mail.id,
        before: { status: "QUEUED", attempts: 0 }, after: { status: "QUEUED", attempts: 0 }, details: { previousError: null },
      },
    ]);
  });
});

describe("resending from the outbox", () => {
  it("resends a FAILED mail with a fresh retry budget, and never resends one the server accepted", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    capture.refuseRecipients({ code: 550, text: "5.7.1 Relay access denied" });
    const wf = await startWorkflows();
    const mail = await queueTestMail("relay");
    await wf.drain();
    expect(await mailRow(mail.id)).toMatchObject({ status: "FAILED", attempts: 1 });

    // Staff fix the relay permission on the server, then resend.
    capture.refuseRecipients(null);
    const { principal, staff } = await createStaffFixture();
    const caller = callerFor(principal);
    vi.setSystemTime(new Date("2026-03-01T09:30:00Z"));
    await caller.mail.resend({ mailId: mail.id });
    expect(await mailRow(mail.id)).toMatchObject({ status: "QUEUED", attempts: 0, nextAttemptAt: new Date("2026-03-01T09:30:00Z") });
    await wf.drain();
    expect(await mailRow(mail.id)).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(capture.inbox).toHaveLength(1);
    expect(await db.auditLog.findMany()).toMatchObject([
      {
        staffId: staff.id, before: { status: "FAILED", attempts: 1 }, after: { status: "QUEUED", attempts: 0, nextAttemptAt: "2026-03-01T09:30:00.000Z" },
        details: { previousError: "550 5.7.1 Relay access denied (in reply to RCPT TO)" },
      },
    ]);

    const sent = await mailRow(mail.id);
    expect(await caller.mail.getOutboxMail({ mailId: mail.id })).toMatchObject({ delivery: "Sent", canResend: false });
    await expect(caller.mail.resend({ mailId: mail.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED", message: "This message was already accepted by the mail server. It is not sent twice.",
    });
    await wf.drain();
    expect(await mailRow(mail.id)).toEqual(sent);
    expect(capture.inbox).toHaveLength(1);
    expect(await db.auditLog.count()).toBe(1);
  });

  it("answers NOT_FOUND for an unknown mail and is closed to clients", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    const mail = await queueTestMail("private");
    const staffCaller = callerFor((await createStaffFixture()).principal);
    await expect(staffCaller.mail.resend({ mailId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(staffCaller.mail.getOutboxMail({ mailId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { clientPrincipal } = await createIssuedInvoiceFixture();
    const clientCaller = callerFor(clientPrincipal);
    await expect(clientCaller.mail.listOutbox()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(clientCaller.mail.getOutboxMail({ mailId: mail.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(clientCaller.mail.resend({ mailId: mail.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).mail.resend({ mailId: mail.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditLog.count()).toBe(0);
  });
});
