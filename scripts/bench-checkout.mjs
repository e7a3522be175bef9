// `npm run bench:checkout`: the production server (`next start`) on a fresh PostgreSQL database with the demo
// catalog, loaded with autocannon at 20 concurrent connections:
//   - "Place Order" as new-account guests (the checkout.placeOrder tRPC mutation: scrypt password hashing,
//     client + contact + order + invoice + outbox mails in one transaction), a new e-mail per request;
//   - "Place Order" as signed-in clients (checkout.placeOrderForClient: order + invoice + outbox mails into an
//     existing account, no password hashing), each connection with its own client's session cookie: 20
//     accounts are created beforehand through the real guest checkout and signed in through next-auth's
//     credentials flow (CSRF token, POST /api/auth/callback/client);
//   - POST /api/v1/quote (the checkout's pricing use case, with tax);
//   - GET /api/health, one `SELECT 1` round trip through the same server: the ceiling.
// Per-IP rate limits: each request carries its own X-Forwarded-For (TRUST_PROXY=0 takes it), so every
// simulated client has its own bucket, and QUOTE_API_RATE_LIMIT_PER_MINUTE is raised for the run.
// BENCH_DURATION_S (default 10) sets the measured seconds per target; BENCH_TARGETS (e.g. "quote,signed-in")
// runs only those rows besides the SELECT 1 ceiling, which is always measured.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startAppServer } from "./app-server.mjs";

const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const SELECTED = process.env.BENCH_TARGETS ? new Set(process.env.BENCH_TARGETS.split(",").map((name) => name.trim())) : null;
const isSelected = (name) => !SELECTED || SELECTED.has(name);
const TARGETS = { ordersPerSecond: 100, orderP99Ms: 200, quotesPerSecond: 1_000 };

let sequence = 0;
const nextIp = () => {
  sequence += 1;
  return `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
};

// `setupClient` runs once per connection (autocannon's Client API): it gives each connection its own requests.
// NOTE: with only a handful of answers (guest orders on a busy machine) the CPU spent on requests still in
// flight at the end dominates the quotient; it is not printed then.
const MIN_REQUESTS_FOR_CPU = 20;

const run = async (name, url, request, { setupClient } = {}) => {
  const options = { url, connections: CONNECTIONS, timeout: 30, ...(request ? { requests: [request] } : {}), ...(setupClient ? { setupClient } : {}) };
  await autocannon({ ...options, duration: 2 }); // warm-up: compiled routes, connection pools
  const cpuBefore = server.cpuMicros();
  const result = await autocannon({ ...options, duration: DURATION_S });
  // NOTE: the server's CPU time per answered request is steadier than req/s on a shared machine (the neighbours'
  // load changes the second, hardly the first); PostgreSQL's own CPU is not in it.
  const cpuMsPerRequest = (server.cpuMicros() - cpuBefore) / 1000 / Math.max(1, result.requests.total);
  const failed = result.non2xx + result.errors;
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => `${status}×${count}`).join(" ");
  // NOTE: req/s counts 2xx answers only; latency covers every answer.
  const ok = result.requests.total - result.non2xx;
  return { name, cpuMsPerRequest, perSecond: ok / DURATION_S, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, failed, statuses, errors: result.errors, timeouts: result.timeouts };
};

const logFile = path.join(os.tmpdir(), `bench-checkout-server-${process.pid}.log`);
console.log(`server log: ${logFile}`);
// NOTE: over the Unix socket by default, as bench:workflows (README "Performance"): on this machine pg's socket
// writes over TCP loopback took about a tenth of the server's CPU. BENCH_DB_TRANSPORT=tcp measures over 127.0.0.1.
const databaseTransport = process.env.BENCH_DB_TRANSPORT === "tcp" ? "tcp" : "socket";
console.log(`database transport: ${databaseTransport}`);
const server = await startAppServer({ port: 3300, quiet: true, logFile, databaseTransport, extraEnv: { QUOTE_API_RATE_LIMIT_PER_MINUTE: "100000000", TRUST_PROXY: "0" } });
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
  const password = "correct horse battery staple";

  /** Session cookies ("name=value; …") from a response's Set-Cookie headers, merged into `jar`. */
  const keepCookies = (jar, response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return jar;
  };
  const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  // NOTE: the accounts are made the way a customer makes one (a guest order creates the account), so the
  // signed-in orders run against ordinary accounts with an order and an invoice behind them already.
  const createAccount = async () => {
    const body = guestOrder();
    const response = await fetch(`${server.baseUrl}/api/trpc/checkout.placeOrder`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": nextIp() },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`guest checkout for a bench account answered ${response.status}: ${await response.text()}`);
    return body.json.email;
  };
  /** next-auth's credentials flow over HTTP, as the sign-in page does it: CSRF token and cookie, then the callback. */
  const signIn = async (email) => {
    const headers = { "x-forwarded-for": nextIp() };
    const jar = new Map();
    const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers });
    keepCookies(jar, csrf);
    const { csrfToken } = await csrf.json();
    const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${server.baseUrl}/client` });
    const callback = await fetch(`${server.baseUrl}/api/auth/callback/client`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
      body: form,
      redirect: "manual",
    });
    keepCookies(jar, callback);
    const session = await (await fetch(`${server.baseUrl}/api/auth/session`, { headers: { ...headers, cookie: cookieHeader(jar) } })).json();
    if (session?.principal?.kind !== "client") throw new Error(`signing ${email} in gave no client session (callback ${callback.status})`);
    return cookieHeader(jar);
  };
  const sessionCookies = [];
  if (isSelected("signed-in")) {
    const emails = [];
    // NOTE: 4 at a time: each guest order hashes a password (scrypt), which takes most of a core.
    for (let index = 0; index < CONNECTIONS; index += 4) emails.push(...(await Promise.all(Array.from({ length: Math.min(4, CONNECTIONS - index) }, createAccount))));
    for (const email of emails) sessionCookies.push(await signIn(email));
    console.log(`${sessionCookies.length} client accounts created and signed in`);
  }

  const clientOrderBody = JSON.stringify({ json: { paymentMethod: "BANK_TRANSFER", acceptTos: true, items: [{ productId: starterId, cycle: "MONTHLY" }] } });
  let nextSession = 0;
  const signedInClient = (client) => {
    const cookie = sessionCookies[nextSession++ % sessionCookies.length];
    client.setRequests([
      {
        method: "POST",
        setupRequest: (request) => ({ ...request, headers: { "content-type": "application/json", cookie, "x-forwarded-for": nextIp() }, body: clientOrderBody }),
      },
    ]);
  };

  const quoteBody = JSON.stringify({
    currency: "USD",
    items: [{ product: "business", cycle: "MONTHLY", addons: ["daily-backups"], options: { "extra-storage": 10 } }],
    customer: { country: "US", state: "TX" },
  });

  const ceiling = await run("SELECT 1 (ceiling)", `${server.baseUrl}/api/health`);
  const quote = isSelected("quote")
    ? await run("quote", `${server.baseUrl}/api/v1/quote`, {
        method: "POST",
        setupRequest: (request) => ({ ...request, headers: { "content-type": "application/json", "x-forwarded-for": nextIp() }, body: quoteBody }),
      })
    : null;
  const signedIn = isSelected("signed-in") ? await run("signed-in order", `${server.baseUrl}/api/trpc/checkout.placeOrderForClient`, undefined, { setupClient: signedInClient }) : null;
  const guest = isSelected("guest")
    ? await run("guest order", `${server.baseUrl}/api/trpc/checkout.placeOrder`, {
        method: "POST",
        setupRequest: (request) => ({ ...request, headers: { "content-type": "application/json", "x-forwarded-for": nextIp() }, body: JSON.stringify(guestOrder()) }),
      })
    : null;
  const rowsOut = [ceiling, quote, signedIn, guest].filter(Boolean);

  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per target, production server on PostgreSQL\n`);
  console.log("target                 req/s    p50 ms   p99 ms   requests  failed   ratio to SELECT 1   server CPU ms/req");
  for (const row of rowsOut) {
    console.log(
      `${row.name.padEnd(20)} ${row.perSecond.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.total).padStart(10)} ${String(row.failed).padStart(7)}   ${(row.perSecond / ceiling.perSecond).toFixed(3).padStart(17)}   ${(row.total >= MIN_REQUESTS_FOR_CPU ? row.cpuMsPerRequest.toFixed(2) : "n/a").padStart(17)}`,
    );
  }
  for (const row of rowsOut) console.log(`${row.name}: status codes ${row.statuses || "-"}, connection errors ${row.errors}, timeouts ${row.timeouts}`);
  const orderSummary = (label, row) => {
    console.log(`${label}: ${row.perSecond.toFixed(1)} orders/s, p50/p99 ${row.p50}/${row.p99} ms`);
    console.log(`  ratio to target ${TARGETS.ordersPerSecond} orders/s: ${(row.perSecond / TARGETS.ordersPerSecond).toFixed(2)}; p99 to ${TARGETS.orderP99Ms} ms: ${(row.p99 / TARGETS.orderP99Ms).toFixed(2)}`);
  };
  console.log("");
  if (signedIn) orderSummary("signed-in client orders (no password hashing; the target's figure)", signedIn);
  if (guest) orderSummary("guest orders (password hashing included)", guest);
  if (quote) console.log(`quotes: ${quote.perSecond.toFixed(0)} quotes/s, p50/p99 ${quote.p50}/${quote.p99} ms; ratio to target ${TARGETS.quotesPerSecond}/s: ${(quote.perSecond / TARGETS.quotesPerSecond).toFixed(2)}`);
  console.log(`SELECT 1 ceiling: ${ceiling.perSecond.toFixed(0)} req/s`);
  if (rowsOut.some((row) => row.failed > 0)) {
    console.error("\nSome requests failed (non-2xx or errors): the figures above count only what was answered.");
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
