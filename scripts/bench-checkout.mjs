// `npm run bench:checkout`: the production server (`next start`) on a fresh PostgreSQL database with the demo
// catalog, loaded with autocannon at 20 concurrent connections:
//   - "Place Order" as new-account guests (the checkout.placeOrder tRPC mutation: scrypt password hashing,
//     client + contact + order + invoice + outbox mails in one transaction), a new e-mail per request;
//   - POST /api/v1/quote (the checkout's pricing use case, with tax);
//   - GET /api/health, one `SELECT 1` round trip through the same server: the ceiling.
// Per-IP rate limits: each request carries its own X-Forwarded-For (TRUST_PROXY=0 takes it), so every
// simulated client has its own bucket, and QUOTE_API_RATE_LIMIT_PER_MINUTE is raised for the run.
// BENCH_DURATION_S (default 10) sets the measured seconds per target.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startAppServer } from "./app-server.mjs";

const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const TARGETS = { ordersPerSecond: 100, orderP99Ms: 200, quotesPerSecond: 1_000 };

let sequence = 0;
const nextIp = () => {
  sequence += 1;
  return `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
};

const run = async (name, url, request) => {
  const options = { url, connections: CONNECTIONS, timeout: 30, ...(request ? { requests: [request] } : {}) };
  await autocannon({ ...options, duration: 2 }); // warm-up: compiled routes, connection pools
  const result = await autocannon({ ...options, duration: DURATION_S });
  const failed = result.non2xx + result.errors;
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => `${status}×${count}`).join(" ");
  // NOTE: req/s counts 2xx answers only; latency covers every answer.
  const ok = result.requests.total - result.non2xx;
  return { name, perSecond: ok / DURATION_S, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, failed, statuses, errors: result.errors, timeouts: result.timeouts };
};

const logFile = path.join(os.tmpdir(), `bench-checkout-server-${process.pid}.log`);
console.log(`server log: ${logFile}`);
const server = await startAppServer({ port: 3300, quiet: true, logFile, extraEnv: { QUOTE_API_RATE_LIMIT_PER_MINUTE: "100000000", TRUST_PROXY: "0" } });
try {
  const database = new pg.Client(server.databaseUrl);
  await database.connect();
  const { rows } = await database.query(`SELECT id FROM "Product" WHERE slug = 'starter'`);
  await database.end();
  const starterId = rows[0].id;

  const guestOrder = () => ({
    json: {
      paymentMethod: "BANK_TRANSFER", firstName: "Ada", lastName: "Lovelace", email: `bench-${randomBytes(6).toString("hex")}@example.com`,
      address1: "1 Analytical Way", city: "Austin", state: "TX", zip: "73301", country: "US", phone: "+1 512 555 0100",
      password: "correct horse battery staple", confirmPassword: "correct horse battery staple", acceptTos: true,
      items: [{ productId: starterId, cycle: "MONTHLY" }],
    },
  });
  const quoteBody = JSON.stringify({
    currency: "USD",
    items: [{ product: "business", cycle: "MONTHLY", addons: ["daily-backups"], options: { "extra-storage": 10 } }],
    customer: { country: "US", state: "TX" },
  });

  const rowsOut = [];
  rowsOut.push(await run("SELECT 1 (ceiling)", `${server.baseUrl}/api/health`));
  rowsOut.push(
    await run("quote", `${server.baseUrl}/api/v1/quote`, {
      method: "POST",
      setupRequest: (request) => ({ ...request, headers: { "content-type": "application/json", "x-forwarded-for": nextIp() }, body: quoteBody }),
    }),
  );
  rowsOut.push(
    await run("guest order", `${server.baseUrl}/api/trpc/checkout.placeOrder`, {
      method: "POST",
      setupRequest: (request) => ({ ...request, headers: { "content-type": "application/json", "x-forwarded-for": nextIp() }, body: JSON.stringify(guestOrder()) }),
    }),
  );

  const [ceiling, quote, guest] = rowsOut;
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per target, production server on PostgreSQL\n`);
  console.log("target                 req/s    p50 ms   p99 ms   requests  failed   ratio to SELECT 1");
  for (const row of rowsOut) {
    console.log(
      `${row.name.padEnd(20)} ${row.perSecond.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.total).padStart(10)} ${String(row.failed).padStart(7)}   ${(row.perSecond / ceiling.perSecond).toFixed(3).padStart(17)}`,
    );
  }
  for (const row of rowsOut) console.log(`${row.name}: status codes ${row.statuses || "-"}, connection errors ${row.errors}, timeouts ${row.timeouts}`);
  console.log(`\nguest orders (password hashing included): ${guest.perSecond.toFixed(1)} orders/s, p50/p99 ${guest.p50}/${guest.p99} ms`);
  console.log(`  ratio to target ${TARGETS.ordersPerSecond} orders/s: ${(guest.perSecond / TARGETS.ordersPerSecond).toFixed(2)}; p99 to ${TARGETS.orderP99Ms} ms: ${(guest.p99 / TARGETS.orderP99Ms).toFixed(2)}`);
  console.log("signed-in client orders: not measured (no signed-in/API order route on this branch yet)");
  console.log(`quotes: ${quote.perSecond.toFixed(0)} quotes/s, p50/p99 ${quote.p50}/${quote.p99} ms; ratio to target ${TARGETS.quotesPerSecond}/s: ${(quote.perSecond / TARGETS.quotesPerSecond).toFixed(2)}`);
  console.log(`SELECT 1 ceiling: ${ceiling.perSecond.toFixed(0)} req/s`);
  if (rowsOut.some((row) => row.failed > 0)) {
    console.error("\nSome requests failed (non-2xx or errors): the figures above count only what was answered.");
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
