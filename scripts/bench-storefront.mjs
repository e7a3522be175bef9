// `npm run bench:storefront`: the production server on a fresh PostgreSQL database, loaded with autocannon
// at 50 concurrent connections. Prints requests/s and p50/p99 latency for the storefront home and a product
// page, next to a static file from the same server (the ceiling), and each page's ratio to that ceiling.
import autocannon from "autocannon";
import { startAppServer } from "./app-server.mjs";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const TARGETS = [
  { name: "static file (ceiling)", path: "/robots.txt" },
  { name: "storefront home", path: "/" },
  { name: "product page", path: "/products/starter" },
];

const measure = async (url) => {
  // A short warm-up so compilation caches and connection pools are in place before measuring.
  await autocannon({ url, connections: 10, duration: 2 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
};

const server = await startAppServer({ port: 3200, quiet: true });
try {
  const rows = [];
  for (const target of TARGETS) {
    rows.push({ ...target, ...(await measure(`${server.baseUrl}${target.path}`)) });
  }
  const ceiling = rows[0].requestsPerSecond;
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s per target\n`);
  console.log("target                  req/s     p50 ms   p99 ms   ratio to static");
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(22)} ${row.requestsPerSecond.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)}   ${(row.requestsPerSecond / ceiling).toFixed(2)}`,
    );
  }
} finally {
  await server.stop();
}
