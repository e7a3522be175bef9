import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { MAIL_RETRY_DELAYS_MS } from "@/server/mail/mail-retry-schedule";
import { mailQueuedEvent } from "@/server/mail/mail-queued-event";
import { queueMail } from "@/server/mail/queue-mail";
import { getMailDeliverySettings } from "@/server/mail/outbox-queries";
import { mailMessageId } from "@/server/mail/send-smtp-mail";
import { placeOrder } from "@/server/orders/place-order";
import { mailQueued } from "@/server/workflows/events";
import { emitEvents } from "@/server/workflows/emit";
import { createStaffFixture } from "@/tests/factories/billing-fixtures";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";
import { callerFor } from "@/tests/support/trpc";
import {
  DELIVER_MAIL, mailRow, queueTestMail, startWorkflows, SWEEP_MAIL_OUTBOX, setUpMailTests, useSmtpServer,
} from "./mail-test-kit";

const T0 = new Date("2026-03-01T09:00:00Z");
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

const { startCapture } = setUpMailTests(T0);

describe("mail delivery over SMTP", () => {
  it("delivers both mails of a new order with plain-text and HTML parts, From, Reply-To and a stable Message-ID", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    const catalog = await seedCatalog();
    const wf = await startWorkflows();
    const placed = await placeOrder({ input: buildPlaceOrderInput({ items: [{ productId: catalog.starterId, cycle: "MONTHLY" }] }), now: T0 });
    await wf.drain();

    const rows = await db.outboxMail.findMany({ orderBy: { template: "asc" } });
    expect(rows.map((row) => row.template)).toEqual(["invoice-created", "order-confirmation"]);
    expect(capture.inbox).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        status: "SENT", attempts: 1, sentAt: T0, lastAttemptAt: T0, nextAttemptAt: null, lastError: null,
        messageId: mailMessageId(row.dedupeKey, "hostlane.test"),
        serverReply: expect.stringMatching(/^250 /),
      });
      const received = capture.inbox.find(({ mail }) => mail.subject === row.subject);
      expect(received?.envelopeTo).toEqual([placed.email]);
      const { mail } = received!;
      expect(mail.to).toMatchObject({ value: [{ address: placed.email }] });
      expect(mail.from?.value).toEqual([{ address: "billing@hostlane.test", name: "Hostlane Billing" }]);
      expect(mail.replyTo?.value).toEqual([{ address: "support@hostlane.test", name: "Hostlane Support" }]);
      expect(mail.messageId).toBe(row.messageId);
      expect(mail.date).toEqual(T0);
      expect(mail.text?.trimEnd()).toBe(row.text);
      expect(mail.html).toBe(row.html);
    }
    const invoiceMail = capture.inbox.find(({ mail }) => mail.subject === `Invoice ${placed.invoiceNumber}`)!.mail;
    expect(invoiceMail.text).toContain(`Please quote ${placed.invoiceNumber} as the payment reference.`);
    expect(invoiceMail.html).toContain(`<td style="padding:2px 24px 2px 0">Total</td><td style="padding:2px 0">$6.48</td>`);
    expect(await wf.runs({ functionId: DELIVER_MAIL })).toMatchObject([
      { status: "COMPLETED", output: { outcome: "SENT" } },
      { status: "COMPLETED", output: { outcome: "SENT" } },
    ]);

    const { principal } = await createStaffFixture();
    const outbox = await callerFor(principal).mail.listOutbox();
    expect(outbox.map((mail) => mail.delivery)).toEqual(["Sent", "Sent"]);
  });

  it.each([
    {
      name: "smtp:// with STARTTLS required and a login",
      options: { offersStartTls: true, login: { user: "hostlane", pass: "s3cr@t" } },
      credentials: "hostlane:s3cr%40t@",
      query: "?requireTLS=true&tls.rejectUnauthorized=false",
      shown: /^127\.0\.0\.1:\d+ \(STARTTLS when offered as hostlane\)$/,
    },
    {
      name: "smtps:// (TLS from the first byte) with a login",
      options: { isImplicitTls: true, login: { user: "hostlane", pass: "s3cr@t" } },
      credentials: "hostlane:s3cr%40t@",
      query: "?tls.rejectUnauthorized=false",
      shown: /^127\.0\.0\.1:\d+ \(TLS as hostlane\)$/,
    },
  ])("delivers over TLS with authentication: $name", async ({ options, credentials, query, shown }) => {
    const capture = await startCapture(options);
    useSmtpServer(capture.url(credentials, query));
    const wf = await startWorkflows();
    const mail = await queueTestMail("tls");
    await wf.drain();

    expect(await mailRow(mail.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(capture.inbox).toMatchObject([{ isSecure: true, user: "hostlane", envelopeTo: [mail.to] }]);
    const { principal } = await createStaffFixture();
    expect(getMailDeliverySettings()).toEqual({ smtpServer: expect.stringMatching(shown), from: "Hostlane Billing <billing@hostlane.test>", replyTo: "Hostlane Support <support@hostlane.test>" });
    expect(JSON.stringify(await callerFor(principal).mail.getOutboxMail({ mailId: mail.id }))).not.toContain("s3cr");
  });

  it("never sends in plain text when TLS is required and the server does not offer STARTTLS", async () => {
    const capture = await startCapture({ offersStartTls: false });
    useSmtpServer(capture.url("", "?requireTLS=true"));
    const wf = await startWorkflows();
    const mail = await queueTestMail("plaintext");
    await wf.drain();

    expect(capture.inbox).toEqual([]);
    expect(await mailRow(mail.id)).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringMatching(/STARTTLS/i), nextAttemptAt: minutesAfter(T0, 1) });
  });

  it("retries with back-off while the server is down and delivers once it is back", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    await capture.stop();
    const wf = await startWorkflows({ crons: true });
    const mail = await queueTestMail("retry");
    await wf.drain();

    expect(await mailRow(mail.id)).toMatchObject({
      status: "QUEUED", attempts: 1, lastAttemptAt: T0, nextAttemptAt: minutesAfter(T0, 1), lastError: expect.stringContaining("ECONNREFUSED"), sentAt: null,
    });
    const { principal } = await createStaffFixture();
    expect(await callerFor(principal).mail.getOutboxMail({ mailId: mail.id })).toMatchObject({
      status: "QUEUED", attempts: 1, delivery: "Retrying Mar 1, 2026, 9:01 AM UTC (after 1 attempt)", lastError: expect.stringContaining("ECONNREFUSED"),
    });

    // The every-minute sweep picks it up at 09:01: still down, so the next try is 5 minutes later.
    await wf.advanceTime("1m");
    expect(await mailRow(mail.id)).toMatchObject({ status: "QUEUED", attempts: 2, nextAttemptAt: minutesAfter(T0, 6) });

    await capture.start();
    // Back up, but the retry is not due yet: neither an early replay of the event nor the sweeps until 09:05 send it.
    await emitEvents([mailQueued.create({ mailId: mail.id }, { id: `early-replay-${mail.id}` })]);
    await wf.advanceTime("4m");
    expect(capture.inbox).toEqual([]);
    expect(await mailRow(mail.id)).toMatchObject({ attempts: 2 });

    await wf.advanceTime("1m"); // 09:06
    expect(await mailRow(mail.id)).toMatchObject({ status: "SENT", attempts: 3, sentAt: minutesAfter(T0, 6), lastError: null, nextAttemptAt: null });
    expect(capture.inbox.map(({ mail: received }) => received.subject)).toEqual(["Your retry"]);
  });

  it("marks a mail FAILED with the server's reply on a 550, and shows it to staff", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    capture.refuseRecipients({ code: 550, text: "5.1.1 Recipient address rejected: User unknown" });
    const wf = await startWorkflows();
    const mail = await queueTestMail("refused");
    await wf.drain();

    const reply = "550 5.1.1 Recipient address rejected: User unknown (in reply to RCPT TO)";
    expect(await mailRow(mail.id)).toMatchObject({ status: "FAILED", attempts: 1, lastError: reply, nextAttemptAt: null, sentAt: null });
    expect(capture.inbox).toEqual([]);
    expect(console.warn).toHaveBeenCalledWith(`[mail] ${mail.id} to ${mail.to}: attempt 1 failed (${reply}); FAILED`);
    const caller = callerFor((await createStaffFixture()).principal);
    expect(await caller.mail.listOutbox()).toMatchObject([{ id: mail.id, status: "FAILED", attempts: 1, lastError: reply, delivery: "Failed after 1 attempt" }]);
    expect(await caller.mail.getOutboxMail({ mailId: mail.id })).toMatchObject({ status: "FAILED", lastError: reply, canResend: true });

    // A FAILED mail is not retried by the sweep: only staff resend it.
    vi.setSystemTime(minutesAfter(T0, 60));
    await wf.tickCron(SWEEP_MAIL_OUTBOX);
    await wf.drain();
    expect(await mailRow(mail.id)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await wf.runs({ functionId: SWEEP_MAIL_OUTBOX }))[0]).toMatchObject({ status: "COMPLETED", output: { announced: 0 } });
  });

  it("keeps retrying a 4xx reply on the schedule, then gives up as FAILED with the last reply", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    capture.refuseRecipients({ code: 451, text: "4.3.0 Mailbox temporarily unavailable" });
    const wf = await startWorkflows();
    const mail = await queueTestMail("greylisted");
    await wf.drain();

    for (const [index, delayMs] of MAIL_RETRY_DELAYS_MS.entries()) {
      const before = await mailRow(mail.id);
      expect(before).toMatchObject({ status: "QUEUED", attempts: index + 1 });
      expect(before.nextAttemptAt!.getTime() - before.lastAttemptAt!.getTime()).toBe(delayMs);
      vi.setSystemTime(before.nextAttemptAt!);
      await wf.tickCron(SWEEP_MAIL_OUTBOX);
      await wf.drain();
    }
    expect(await mailRow(mail.id)).toMatchObject({
      status: "FAILED", attempts: MAIL_RETRY_DELAYS_MS.length + 1, lastError: "451 4.3.0 Mailbox temporarily unavailable (in reply to RCPT TO)", nextAttemptAt: null,
    });
    expect(capture.inbox).toEqual([]);
  });

  it("sends a client's mail from its brand's sender; the SMTP server sees that From", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    await seedCatalog();
    const brand = await db.brand.create({ data: { name: "Lowlands Hosting", senderName: "Lowlands Billing", senderEmail: "billing@lowlands.test" } });
    const client = await db.client.create({ data: { country: "NL", currency: "USD", brandId: brand.id } });
    const wf = await startWorkflows();
    await queueMail({ dedupeKey: "brand:1", template: "notice", to: "client@example.com", subject: "Branded", text: "Hello", html: "<p>Hello</p>", clientId: client.id, now: T0 });
    await wf.drain();
    expect(capture.inbox.map(({ mail }) => [mail.subject, mail.from?.value])).toEqual([["Branded", [{ address: "billing@lowlands.test", name: "Lowlands Billing" }]]]);
  });

  it("delivers a mail whose announcement was lost at the next sweep", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    const wf = await startWorkflows();
    // As queueMail writes it, but its mail/queued event never arrived.
    const mail = await db.outboxMail.create({
      data: { dedupeKey: "lost:1", template: "notice", to: "lost@example.com", subject: "Lost", text: "Hello", html: "<p>Hello</p>", createdAt: T0, nextAttemptAt: T0 },
    });
    await wf.drain();
    expect(capture.inbox).toEqual([]);

    vi.setSystemTime(minutesAfter(T0, 1));
    await wf.tickCron(SWEEP_MAIL_OUTBOX);
    await wf.drain();
    expect(await mailRow(mail.id)).toMatchObject({ status: "SENT", attempts: 1, sentAt: minutesAfter(T0, 1) });
    expect(capture.inbox.map(({ mail: received }) => received.subject)).toEqual(["Lost"]);
    expect(await wf.runs({ functionId: SWEEP_MAIL_OUTBOX })).toMatchObject([{ status: "COMPLETED", output: { announced: 1 } }]);
  });

  it("does not send an accepted mail again after a restart, a replayed event or a sweep", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    const first = await startWorkflows();
    const mail = await queueTestMail("once");
    await first.drain();
    expect(capture.inbox).toHaveLength(1);
    const sent = await mailRow(mail.id);

    // A fresh executor over the same database, as after a restart: the original announcement again (a
    // duplicate id, dropped), a replay under a new id, and the sweep.
    const restarted = await startWorkflows();
    await emitEvents([mailQueuedEvent(mail.id, mail.createdAt)]);
    await emitEvents([mailQueued.create({ mailId: mail.id }, { id: `replay-${mail.id}` })]);
    vi.setSystemTime(minutesAfter(T0, 1));
    await restarted.tickCron(SWEEP_MAIL_OUTBOX);
    await restarted.drain();

    expect(capture.inbox).toHaveLength(1);
    expect(await mailRow(mail.id)).toEqual(sent);
    expect((await restarted.runs({ functionId: DELIVER_MAIL })).map((run) => run.output)).toEqual(
      expect.arrayContaining([{ outcome: "SENT", attempts: 1, reply: sent.serverReply, messageId: sent.messageId }, { outcome: "ALREADY_SENT" }]),
    );
    expect(await restarted.runs({ functionId: DELIVER_MAIL })).toHaveLength(2);
  });

  it("repeats the identical Message-ID when a crash lost the SENT record after the server accepted the mail", async () => {
    const capture = await startCapture();
    useSmtpServer(capture.url());
    const wf = await startWorkflows();
    const mail = await queueTestMail("crash");
    await wf.drain();

    // The state a crash between the server's 250 and our write leaves behind: the mail still QUEUED and due.
    await db.outboxMail.update({ where: { id: mail.id }, data: { status: "QUEUED", attempts: 0, sentAt: null, nextAttemptAt: T0, serverReply: null, messageId: null } });
    await wf.tickCron(SWEEP_MAIL_OUTBOX);
    await wf.drain();

    expect(capture.inbox).toHaveLength(2);
    const [original, repeat] = capture.inbox.map(({ mail: received }) => received);
    expect(repeat!.messageId).toBe(original!.messageId);
    expect(repeat!.date).toEqual(original!.date);
    expect(repeat!.html).toBe(original!.html);
  });
});
