import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, spawnEmbeddedApp, waitUntilHealthy } from "../fixtures/embedded-app";
import { expect, test, testHooksHeaders } from "../fixtures";

// The clock and drain hooks answer only on a server the e2e runner started, and only with its per-run token.

test("[SECURITY]: the test hooks need the run's token: without it, or with a wrong one, they are not found", async ({ request }) => {
  for (const hook of ["/api/test/clock", "/api/test/drain"]) {
    expect((await request.post(hook, { data: { advance: "1s" } })).status(), hook).toBe(404);
    expect((await request.post(hook, { data: { advance: "1s" }, headers: { "x-hostlane-test-token": "x".repeat(43) } })).status(), hook).toBe(404);
  }
  const drained = await request.post("/api/test/drain", { headers: testHooksHeaders() });
  expect(drained.status()).toBe(200);
  expect(await drained.json()).toEqual({ drained: true });
});

test("[SECURITY]: a normal production start answers 404 on the test hooks, sends HSTS under an https URL and keeps its secrets in 0600 files", async () => {
  test.setTimeout(180_000);
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "hostlane-hooks-")), "pglite");
  // Even E2E_HOOKS=1 copied into a deployment does not mount them without a token in the server's environment
  // (this process has the run's token: it is blanked for the new server).
  const app = spawnEmbeddedApp({
    dataDir,
    port: await freePort(),
    extraEnv: { NEXTAUTH_URL: "https://billing.example.test", E2E_HOOKS: "1", E2E_HOOKS_TOKEN: "" },
  });
  try {
    await waitUntilHealthy(app);
    for (const hook of ["/api/test/clock", "/api/test/drain"]) {
      for (const headers of [{}, testHooksHeaders()]) {
        const response = await fetch(`${app.baseUrl}${hook}`, { method: "POST", headers, body: '{"advance":"1d"}' });
        expect(response.status, hook).toBe(404);
      }
    }
    // Sign-in, and the visitor answer every cached storefront page asks for after load (README "The trade-off
    // of nonces": those pages' own headers are fixed at build time).
    for (const pathname of ["/login", "/api/storefront/visitor"]) {
      const response = await fetch(`${app.baseUrl}${pathname}`);
      expect(response.headers.get("strict-transport-security"), pathname).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("content-security-policy"), pathname).toContain("upgrade-insecure-requests");
    }
    for (const file of ["auth-secret", "encryption-key"]) {
      expect(statSync(path.join(`${dataDir}.secrets`, file)).mode & 0o777, file).toBe(0o600);
    }
  } finally {
    app.child.kill("SIGTERM");
    await app.exited;
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
});
