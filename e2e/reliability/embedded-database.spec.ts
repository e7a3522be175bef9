import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import type { APIRequestContext } from "@playwright/test";
import { acquirePgliteLock, pgliteLockFile } from "../../server/db/pglite-lock.mjs";
import { type EmbeddedApp, freePort, signInAsStaff, spawnEmbeddedApp, trpcMutation, waitUntilHealthy, withoutDatabaseUrl } from "../fixtures/embedded-app";
import { expect, test, visitorAddress } from "../fixtures";

// The embedded database under the production server: a second start is refused, SIGTERM shuts down cleanly,
// and SIGKILL at random moments while orders and payments are being written loses nothing that was committed
// and leaves nothing half-written. Each test runs its own `next start` on PGlite in a temporary folder.

const KILLS = 20;

const tempFolder = () => mkdtempSync(path.join(tmpdir(), "hostlane-embedded-"));

const orderInput = (productId: string, label: string) => ({
  items: [{ productId, cycle: "MONTHLY" }],
  paymentMethod: "BANK_TRANSFER",
  firstName: "Crash",
  lastName: `Test ${label}`,
  email: `crash-${label}@example.test`,
  address1: "1 Analytical Way",
  city: "Austin",
  state: "TX",
  zip: "73301",
  country: "US",
  phone: "+1 512 555 0100",
  password: "correct horse battery",
  confirmPassword: "correct horse battery",
  acceptTos: true,
});

type PlacedOrder = { orderNumber: number; invoiceId: string; invoiceNumber: string; totalCents: number };

const starterProductId = async (context: APIRequestContext) => {
  const response = await context.get(`/api/trpc/catalog.getProduct?input=${encodeURIComponent(JSON.stringify({ json: { slug: "starter" } }))}`);
  return ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
};

const startApp = async (dataDir: string) => {
  const app = spawnEmbeddedApp({ dataDir, port: await freePort() });
  await waitUntilHealthy(app);
  return app;
};

const stopApp = async (app: EmbeddedApp, signal: NodeJS.Signals) => {
  app.child.kill(signal);
  return app.exited;
};

/** Opens the folder the way the app does (lock first) for checks made with the app stopped. */
const withDatabase = async <T,>(dataDir: string, work: (pglite: PGlite) => Promise<T>) => {
  const lock = acquirePgliteLock(dataDir);
  const pglite = await PGlite.create(dataDir, { extensions: { amcheck } });
  try {
    return await work(pglite);
  } finally {
    await pglite.close();
    lock.release();
  }
};

test.describe("the embedded database", () => {
  test("a second start is refused at once; SIGTERM shuts down cleanly, exit 0, and the database reopens", async () => {
    test.setTimeout(180_000);
    const root = tempFolder();
    const dataDir = path.join(root, "pglite");
    const app = await startApp(dataDir);
    try {
      const staff = await signInAsStaff(app.baseUrl);
      const productId = await starterProductId(staff);
      const placed = await trpcMutation<PlacedOrder>(staff, "checkout.placeOrder", orderInput(productId, "sigterm"));

      // `npm start` on the same folder: refused before it builds (.next untouched) or spawns anything.
      const buildIdBefore = statSync(path.join(".next", "BUILD_ID")).mtimeMs;
      const startedAt = Date.now();
      const second = spawnSync(process.execPath, ["scripts/start.mjs"], {
        env: { ...withoutDatabaseUrl(), PGLITE_DIR: dataDir, PORT: String(await freePort()) },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(second.status).toBe(1);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      expect(second.stderr).toContain(`The embedded database ${dataDir} is in use by process ${app.child.pid}`);
      expect(second.stderr).toMatch(/PGLITE_DIR=.*\n.*DATABASE_URL=/);
      expect(statSync(path.join(".next", "BUILD_ID")).mtimeMs).toBe(buildIdBefore);

      // A second `next start` (past npm start's check) stops at its first open of the folder instead of serving.
      const direct = spawnEmbeddedApp({ dataDir, port: await freePort() });
      expect(await direct.exited).toBe(1);
      expect(direct.output()).toContain(`in use by process ${app.child.pid}`);
      expect((await staff.get("/api/health")).ok()).toBe(true);

      // SIGTERM while an order is being placed: the request still gets its answer, then a clean exit 0 and the
      // lock released.
      const inFlight = trpcMutation<PlacedOrder>(staff, "checkout.placeOrder", orderInput(productId, "in-flight"));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await stopApp(app, "SIGTERM")).toBe(0);
      const finished = await inFlight;
      expect(app.output()).toContain("[hostlane] shut down cleanly");
      expect(existsSync(pgliteLockFile(dataDir))).toBe(false);

      // The database opens again, with both orders in it.
      const invoices = await withDatabase(dataDir, async (pglite) =>
        (await pglite.query<{ number: string }>(`SELECT number FROM "Invoice" WHERE id = ANY($1) ORDER BY number`, [[placed.invoiceId, finished.invoiceId]])).rows,
      );
      expect(invoices).toEqual([{ number: placed.invoiceNumber }, { number: finished.invoiceNumber }]);
      const again = await startApp(dataDir);
      expect(await stopApp(again, "SIGINT")).toBe(0);
    } finally {
      app.child.kill("SIGKILL");
      rmSync(root, { recursive: true, force: true });
    }
  });

  test(`${KILLS} SIGKILLs at random moments while orders and payments are written lose nothing committed`, async () => {
    test.setTimeout(600_000);
    const root = tempFolder();
    const dataDir = path.join(root, "pglite");
    // What the client was told: committed. A request cut off by the kill may or may not have committed.
    const committedOrders = new Map<string, PlacedOrder>();
    const committedPayments = new Map<string, { invoiceId: string; amountCents: number }>();
    const unsure = new Set<string>();
    const bootMs: number[] = [];
    let sequence = 0;
    const committedCount = () => committedOrders.size + committedPayments.size;
    let productId = "";

    /** Orders, then pays each in two parts, until the request fails (the server was killed). */
    const customer = async (staff: APIRequestContext) => {
      for (;;) {
        const label = `${process.pid}-${(sequence += 1)}`;
        unsure.add(`order:${label}`);
        // Every order is a new customer from an address of their own, as on a real storefront: one address placing
        // orders this fast would (rightly) meet the per-IP checkout limit.
        const placed = await trpcMutation<PlacedOrder>(staff, "checkout.placeOrder", orderInput(productId, label), { "x-forwarded-for": visitorAddress() });
        unsure.delete(`order:${label}`);
        committedOrders.set(placed.invoiceId, placed);
        const first = Math.floor(placed.totalCents / 3);
        for (const [part, amountCents] of [[1, first], [2, placed.totalCents - first]] as const) {
          const transactionId = `CRASH-${label}-${part}`;
          unsure.add(transactionId);
          await trpcMutation(staff, "billingAdmin.addPayment", {
            invoiceId: placed.invoiceId,
            amountCents,
            receivedOn: new Date().toISOString().slice(0, 10),
            transactionId,
          });
          unsure.delete(transactionId);
          committedPayments.set(transactionId, { invoiceId: placed.invoiceId, amountCents });
        }
      }
    };

    try {
      for (let life = 0; life <= KILLS; life++) {
        const bootStarted = Date.now();
        const app = spawnEmbeddedApp({ dataDir, port: await freePort() });
        // Every fourth life is killed while it is still starting up (recovery, migrations, the executor's boot).
        if (life > 0 && life % 4 === 0) {
          await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 2_500));
          app.child.kill("SIGKILL");
          await app.exited;
          continue;
        }
        await waitUntilHealthy(app);
        bootMs.push(Date.now() - bootStarted);
        const staff = await signInAsStaff(app.baseUrl);
        productId ||= await starterProductId(staff);
        if (life === KILLS) {
          // The last life is not killed: the app serves every invoice seen committed, then stops cleanly.
          for (const placed of committedOrders.values()) {
            const invoice = (await (
              await staff.get(`/api/trpc/billingAdmin.getInvoice?input=${encodeURIComponent(JSON.stringify({ json: { invoiceId: placed.invoiceId } }))}`)
            ).json()) as { result: { data: { json: { number: string; totalCents: number } } } };
            expect(invoice.result.data.json).toMatchObject({ number: placed.invoiceNumber, totalCents: placed.totalCents });
          }
          expect(await stopApp(app, "SIGTERM")).toBe(0);
          break;
        }
        const work = Promise.allSettled([customer(staff), customer(staff)]);
        // Killed at a random moment once this life has committed some work, so every life writes something.
        const committedBefore = committedCount();
        const deadline = Date.now() + 30_000;
        while (committedCount() < committedBefore + 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 1_500));
        app.child.kill("SIGKILL");
        expect(await app.exited).toBe("SIGKILL");
        // The customers stop only because the server is gone, never on an answer the app gave.
        for (const result of await work) {
          expect(result.status === "rejected" && String(result.reason)).toMatch(/ECONNRESET|ECONNREFUSED|socket hang up|other side closed/);
        }
        await staff.dispose();
      }

      const sortedBoots = [...bootMs].sort((a, b) => a - b);
      console.log(`[reliability] ${KILLS} kills; boot to healthy: median ${sortedBoots[Math.floor(sortedBoots.length / 2)]} ms, max ${sortedBoots.at(-1)} ms; ${committedOrders.size} orders and ${committedPayments.size} payments committed`);
      expect(committedOrders.size).toBeGreaterThan(KILLS);

      await withDatabase(dataDir, async (pglite) => {
        const rows = async <T,>(sql: string) => (await pglite.query<T>(sql)).rows;

        // Every order, invoice and payment the client saw committed is there, as it was told.
        const invoices = await rows<{ id: string; number: string; totalCents: number; orderNumber: number }>(
          `SELECT i.id, i.number, i."totalCents", o.number AS "orderNumber" FROM "Invoice" i JOIN "Order" o ON o.id = i."orderId"`,
        );
        const invoiceById = new Map(invoices.map((invoice) => [invoice.id, invoice]));
        for (const placed of committedOrders.values()) {
          expect(invoiceById.get(placed.invoiceId)).toEqual({ id: placed.invoiceId, number: placed.invoiceNumber, totalCents: placed.totalCents, orderNumber: placed.orderNumber });
        }
        const payments = new Map(
          (await rows<{ transactionId: string; invoiceId: string; amountCents: number }>(`SELECT "transactionId", "invoiceId", "amountCents" FROM "Payment"`)).map(
            ({ transactionId, ...payment }) => [transactionId, payment],
          ),
        );
        for (const [transactionId, payment] of committedPayments) expect(payments.get(transactionId)).toEqual(payment);
        // Payments cut off by a kill exist only if they committed; nothing else appears.
        for (const transactionId of payments.keys()) expect(committedPayments.has(transactionId) || unsure.has(transactionId)).toBe(true);

        // Nothing half-written: each row that exists is consistent with the rows it belongs with.
        expect(await rows(`
          SELECT i.number, i."paidCents", i."paymentStatus", coalesce(sum(p."amountCents"), 0)::int AS payments
          FROM "Invoice" i LEFT JOIN "Payment" p ON p."invoiceId" = i.id
          GROUP BY i.id
          HAVING i."paidCents" <> coalesce(sum(p."amountCents"), 0)
              OR i."paymentStatus" <> (CASE WHEN i."paidCents" = 0 THEN 'UNPAID' WHEN i."paidCents" < i."totalCents" THEN 'PARTIALLY_PAID' ELSE 'PAID' END)::"InvoicePaymentStatus"`)).toEqual([]);
        expect(await rows(`
          SELECT i.number FROM "Invoice" i LEFT JOIN "InvoiceLine" l ON l."invoiceId" = i.id
          GROUP BY i.id HAVING count(l.id) = 0 OR i."subtotalCents" + i."taxCents" <> i."totalCents"`)).toEqual([]);
        expect(await rows(`
          SELECT o.number FROM "Order" o
          WHERE NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."orderId" = o.id AND i."clientId" = o."clientId")
             OR NOT EXISTS (SELECT 1 FROM "OrderItem" it WHERE it."orderId" = o.id)
             OR o.status <> (SELECT CASE WHEN i."paymentStatus" = 'PAID' THEN 'ACTIVE' ELSE 'PENDING' END FROM "Invoice" i WHERE i."orderId" = o.id LIMIT 1)::"OrderStatus"`)).toEqual([]);
        expect(await rows(`SELECT c.id FROM "Client" c WHERE NOT EXISTS (SELECT 1 FROM "Contact" ct WHERE ct."clientId" = c.id)`)).toEqual([]);
        // Every B-tree index is intact and lists exactly the rows of its table (amcheck, with the heap check).
        await pglite.exec("CREATE EXTENSION IF NOT EXISTS amcheck");
        const indexes = await rows<{ name: string }>(`
          SELECT c.oid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE am.amname = 'btree' AND n.nspname = 'public'`);
        expect(indexes.length).toBeGreaterThan(10);
        for (const { name } of indexes) await pglite.query(`SELECT bt_index_check($1::regclass, true)`, [name]);
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
