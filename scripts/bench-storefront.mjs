// `npm run bench:storefront`: the production server on a fresh PostgreSQL database, loaded with autocannon
// at 50 concurrent connections. Prints requests/s and p50/p99 latency for the storefront home and a product
// page, next to a static file from the same server (the ceiling), and each page's ratio to that ceiling, and the
// server's CPU time per request (user + system of its processes over the measured run, divided by the requests
// served): on a shared machine that moves less with the neighbours' load than requests/s does.
// BENCH_RUNS=n measures every target n times, interleaved, and prints each run and the medians (the figures
// are noisy on a shared machine; quote medians).
import autocannon from "autocannon";
import { startAppServer } from "./app-server.mjs";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const TARGETS = [
  { name: "static file (ceiling)", path: "/robots.txt" },
  { name: "storefront home", path: "/" },
  { name: "product page", path: "/products/starter" },
];

const measure = async (url, cpuMicros) => {
  // A short warm-up so compilation caches and connection pools are in place before measuring.
  await autocannon({ url, connections: 10, duration: 2 });
  const cpuBefore = cpuMicros();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  const cpuPerRequest = (cpuMicros() - cpuBefore) / result.requests.total;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerRequest };
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const printTable = (title, rows) => {
  const ceiling = rows[0].requestsPerSecond;
  console.log(`\n${title}\n`);
  console.log("target                  req/s     p50 ms   p99 ms   ratio to static   server CPU µs/request");
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(22)} ${row.requestsPerSecond.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)}   ${(row.requestsPerSecond / ceiling).toFixed(2).padStart(15)}   ${row.cpuPerRequest.toFixed(0).padStart(21)}`,
    );
  }
};

const server = await startAppServer({ port: 3200, quiet: true });
try {
  // Say what is measured: the storefront pages should come from Next's cache (README "Storefront caching").
  for (const { path } of TARGETS.slice(1)) {
    await fetch(`${server.baseUrl}${path}`);
    const cache = (await fetch(`${server.baseUrl}${path}`)).headers.get("x-nextjs-cache");
    console.log(`${path}: x-nextjs-cache ${cache ?? "(none: rendered per request)"}`);
  }
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const rows = [];
    for (const target of TARGETS) rows.push({ ...target, ...(await measure(`${server.baseUrl}${target.path}`, server.cpuMicros)) });
    runs.push(rows);
    printTable(`run ${run + 1} of ${RUNS}: ${CONNECTIONS} connections, ${DURATION_S} s per target`, rows);
  }
  if (RUNS > 1) {
    const medians = TARGETS.map((target, index) => ({
      ...target,
      requestsPerSecond: median(runs.map((rows) => rows[index].requestsPerSecond)),
      p50: median(runs.map((rows) => rows[index].p50)),
      p99: median(runs.map((rows) => rows[index].p99)),
      cpuPerRequest: median(runs.map((rows) => rows[index].cpuPerRequest)),
    }));
    printTable(`medians of ${RUNS} runs (ratio: of the median req/s)`, medians);
    const ratios = TARGETS.slice(1).map((target, index) => `${target.name} ${median(runs.map((rows) => rows[index + 1].requestsPerSecond / rows[0].requestsPerSecond)).toFixed(2)}`);
    console.log(`\nmedian of the per-run ratios: ${ratios.join(", ")}`);
  }
} finally {
  await server.stop();
}
