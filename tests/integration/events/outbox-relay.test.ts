import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { resetDatabase } from "@/tests/db";
import { createIssuedInvoiceFixture, createStaffFixture } from "@/tests/factories/billing-fixtures";
import { startEventApiStandIn, type EventApiStandIn } from "@/tests/stand-ins/inngest/event-api";

// The Inngest engine: use cases write their events to the outbox in their transaction; the relay sends them to
// the Event API (here a stand-in on 127.0.0.1) after the commit. The app's Inngest client reads its
// configuration when it is built, so every app module is imported only after the environment is set.
const EVENT_KEY = "outbox-test-key";
const NOW = new Date("2026-03-01T09:00:00Z");
const SAVED_ENV = { ...process.env };

let api: EventApiStandIn;
let app: {
  recordPayment: typeof import("@/server/billing/payments/record-payment").recordPayment;
  createOutboxRelay: typeof import("@/server/workflows/outbox/outbox-relay").createOutboxRelay;
  startOutboxRelay: typeof import("@/server/workflows/outbox/start-outbox-relay").startOutboxRelay;
  stopOutboxRelay: typeof import("@/server/workflows/outbox/start-outbox-relay").stopOutboxRelay;
};

beforeAll(async () => {
  api = await startEventApiStandIn({ eventKey: EVENT_KEY });
  Object.assign(process.env, { WORKFLOW_ENGINE: "inngest", INNGEST_EVENT_KEY: EVENT_KEY, INNGEST_EVENT_API_BASE_URL: api.url });
  app = {
    ...(await import("@/server/billing/payments/record-payment")),
    ...(await import("@/server/workflows/outbox/outbox-relay")),
    ...(await import("@/server/workflows/outbox/start-outbox-relay")),
  };
});

afterAll(async () => {
  await api.stop().catch(() => undefined);
  process.env = SAVED_ENV;
});

const payInFull = async () => {
  const { invoice } = await createIssuedInvoiceFixture({ products: [{ monthlyCents: 599 /* $5.99 */ }] });
  const { staff } = await createStaffFixture();
  const result = await app.recordPayment({
    invoiceId: invoice.id, method: "BANK_TRANSFER", transactionId: `BANK-${invoice.id}`, amountCents: 599, receivedAt: NOW, staffId: staff.id, now: NOW,
  });
  return { invoice, result, eventId: `invoice-paid-${invoice.id}` };
};

const outboxRow = (eventId: string) => db.eventOutbox.findFirstOrThrow({ where: { eventId } });
const noJitter = () => 0;

describe("the transactional outbox on the Inngest engine", () => {
  beforeEach(async () => {
    await resetDatabase();
    api.requests.length = 0;
    api.accepted.clear();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("commits the payment while the Event API is down, keeps retrying, and delivers once when it is back", async () => {
    await api.stop();
    const { invoice, result, eventId } = await payInFull();

    // The payment is committed whatever the Event API does; the event waits in the outbox.
    expect(result).toMatchObject({ paymentStatus: "PAID", balanceCents: 0 });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paymentStatus: "PAID", paidCents: 599 });
    expect(await outboxRow(eventId)).toMatchObject({
      name: "billing/invoice.paid", payload: { name: "billing/invoice.paid", id: eventId, data: { invoiceId: invoice.id } }, attempts: 0, sentAt: null,
    });

    const relay = app.createOutboxRelay({ random: noJitter });
    expect(await relay.relayDue()).toEqual({ sent: 0 });
    const failed = await outboxRow(eventId);
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, nextAttemptAt: new Date(NOW.getTime() + 1_000) });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    // Not due again before its back-off; the second failure doubles it.
    expect(await relay.relayDue()).toEqual({ sent: 0 });
    expect(await outboxRow(eventId)).toMatchObject({ attempts: 1 });
    vi.setSystemTime(NOW.getTime() + 1_000);
    await relay.relayDue();
    expect(await outboxRow(eventId)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(NOW.getTime() + 3_000), sentAt: null });

    await api.start();
    vi.setSystemTime(NOW.getTime() + 3_000);
    expect(await relay.relayDue()).toEqual({ sent: 1 });
    expect(await outboxRow(eventId)).toMatchObject({ attempts: 3, lastError: null, sentAt: new Date(NOW.getTime() + 3_000) });
    expect(api.requests).toEqual([[expect.objectContaining({ name: "billing/invoice.paid", id: eventId, data: { invoiceId: invoice.id } })]]);

    // Delivered rows are never sent again.
    vi.setSystemTime(NOW.getTime() + 60_000);
    expect(await relay.relayDue()).toEqual({ sent: 0 });
    expect(api.requests).toHaveLength(1);
  });

  it("loses nothing in a crash between the commit and the relay: a new relay instance delivers it later", async () => {
    // The process that committed the payment died before its relay ran: only the row is left.
    const { eventId } = await payInFull();
    expect(api.requests).toHaveLength(0);

    const restarted = app.createOutboxRelay();
    expect(await restarted.relayDue()).toEqual({ sent: 1 });
    expect([...api.accepted.keys()]).toEqual([eventId]);
    expect(await outboxRow(eventId)).toMatchObject({ attempts: 1, sentAt: expect.any(Date) });
  });

  it("takes over a row whose relay hung mid-send once its lease ran out; the repeated id is harmless", async () => {
    const { eventId } = await payInFull();
    api.hang();
    const hung = app.createOutboxRelay({ leaseMs: 60_000, sendTimeoutMs: 600_000 });
    const hungRound = hung.relayDue();
    await vi.waitUntil(() => api.requests.length === 1, { timeout: 10_000 });

    // Another instance skips the claimed row while the lease holds, then takes it over.
    const other = app.createOutboxRelay();
    expect(await other.relayDue()).toEqual({ sent: 0 });
    api.resume();
    vi.setSystemTime(NOW.getTime() + 60_000);
    expect(await other.relayDue()).toEqual({ sent: 1 });
    expect(await outboxRow(eventId)).toMatchObject({ attempts: 2, sentAt: new Date(NOW.getTime() + 60_000), lastError: null });

    // The first request is answered at last: the same id twice, which Inngest drops.
    api.answerHeld();
    expect(await hungRound).toEqual({ sent: 1 });
    expect(api.requests).toHaveLength(2);
    expect([...api.accepted.keys()]).toEqual([eventId]);
    expect(await outboxRow(eventId)).toMatchObject({ attempts: 2, sentAt: expect.any(Date), lastError: null });
  });

  it("two relays running at once claim disjoint rows: each event is sent once", async () => {
    const paid = [await payInFull(), await payInFull(), await payInFull(), await payInFull()];
    const [first, second] = [app.createOutboxRelay({ batchSize: 1 }), app.createOutboxRelay({ batchSize: 1 })];
    const rounds = await Promise.all([first.relayDue(), second.relayDue()]);
    expect(rounds[0]!.sent + rounds[1]!.sent).toBe(4);
    expect(api.requests).toHaveLength(4);
    expect([...api.accepted.keys()].sort()).toEqual(paid.map(({ eventId }) => eventId).sort());
  });

  it("a running relay sends right after the commit: the commit pokes it", async () => {
    vi.useRealTimers();
    // NOTE: a poll interval far beyond the wait below, so only the poke can deliver in time.
    const relay = app.createOutboxRelay({ pollMs: 60_000 });
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // its first round found nothing; it sleeps now
      const { eventId } = await payInFull();
      // NOTE: the row is marked sent just after the server's answer; wait for both.
      await vi.waitUntil(async () => api.accepted.has(eventId) && (await outboxRow(eventId)).sentAt !== null, { timeout: 5_000, interval: 20 });
      expect(await outboxRow(eventId)).toMatchObject({ attempts: 1, lastError: null });
      expect(api.requests).toHaveLength(1);
    } finally {
      await relay.stop();
    }
  });

  it("starts one relay per process at boot", async () => {
    try {
      expect(app.startOutboxRelay()).toBe(app.startOutboxRelay());
    } finally {
      await app.stopOutboxRelay();
    }
  });
});
