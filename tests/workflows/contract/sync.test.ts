import type { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signBody } from "@/server/workflows/embedded/sign";
import {
  APP_ID,
  buildCallBody,
  callFunction,
  createContractClient,
  EMBEDDED_ORIGIN,
  introspect,
  SERVE_URL,
  serveFunctions,
  SIGNING_KEY,
  syncInBand,
  TEST_EVENT,
} from "./helpers";

// Contract: version guard, in-band sync and the registration payload (workflow-engine.md §4.1–§4.3, §7).
// The embedded executor validates functions from exactly this payload, so its shape is pinned here.

const { client, recordingFetch } = createContractClient();

const stepUrl = (fnId: string) => `${SERVE_URL}?fnId=${fnId}&stepId=step`;

const functions = [
  client.createFunction(
    {
      id: "renew",
      retries: 2,
      triggers: [{ event: "invoice/renew", if: "event.data.amount > 1" }, { cron: "TZ=Europe/Berlin 0 3 * * *" }],
      idempotency: "event.data.invoiceId",
      concurrency: 5,
      cancelOn: [
        { event: "account/deleted", match: "data.accountId" },
        { event: "invoice/voided", if: "async.data.invoiceId == event.data.invoiceId", timeout: "1h" },
      ],
      onFailure: async () => {},
    },
    async () => null,
  ),
  client.createFunction(
    { id: "keyed", retries: 0, triggers: [{ event: "a/*" }], concurrency: { limit: 1, key: "event.data.accountId" } },
    async () => null,
  ),
  client.createFunction(
    {
      id: "unsupported",
      triggers: [{ event: "contract/unsupported" }],
      concurrency: [{ limit: 1 }, { limit: 2, key: "event.data.x", scope: "env" }],
      throttle: { limit: 1, period: "1m", key: "event.data.x" },
      rateLimit: { limit: 1, period: "1h" },
      debounce: { period: "5m" },
      priority: { run: "event.data.priority" },
      singleton: { mode: "skip" },
      timeouts: { start: "1m", finish: "1h" },
      batchEvents: { maxSize: 10, timeout: "5s" },
    },
    async () => null,
  ),
];

const handler = serveFunctions(client, functions);

type Registration = { functions: Array<Record<string, unknown> & { id: string }> } & Record<string, unknown>;

const syncFunctions = async () => {
  const res = await syncInBand(handler);
  expect(res.status).toBe(200);
  const registration = res.json as Registration;
  return new Map(registration.functions.map((fn) => [fn.id, fn]));
};

describe("version guard", () => {
  // WARNING: this fails on any SDK bump on purpose. Re-run every contract test, review workflow-engine.md
  // against the new behaviour, then update the pin here.
  it("every SDK-handled response names inngest-js v4.24.0 and protocol version 2", async () => {
    const res = await callFunction(handler, {
      fnId: "keyed",
      body: buildCallBody({ event: { ...TEST_EVENT, name: "a/created" } }),
    });

    expect(res.status).toBe(200);
    expect(res.headers.get("x-inngest-sdk")).toBe("inngest-js:v4.24.0");
    expect(res.headers.get("user-agent")).toBe("inngest-js:v4.24.0");
    expect(res.headers.get("x-inngest-req-version")).toBe("2");
    expect(res.headers.get("x-inngest-framework")).toBe("nextjs");
    expect(res.headers.get("x-inngest-sdk-handled")).toBe("true");
    expect(res.headers.get("server-timing")).toEqual(expect.any(String));
  });

  it("the in-band registration reports sdk js:v4.24.0", async () => {
    const res = await syncInBand(handler);

    expect(res.json).toMatchObject({ sdk: "js:v4.24.0", sdk_version: "4.24.0", sdk_language: "js", sdk_author: "inngest" });
  });
});

describe("in-band sync", () => {
  it("answers a signed in_band PUT with the registration itself", async () => {
    const res = await syncInBand(handler);

    expect(res.status).toBe(200);
    expect(res.headers.get("x-inngest-sync-kind")).toBe("in_band");
    expect(Object.keys(res.json as Registration).sort()).toEqual(
      [
        "app_id",
        "capabilities",
        "env",
        "featureObservations",
        "framework",
        "functions",
        "inspection",
        "sdk",
        "sdk_author",
        "sdk_language",
        "sdk_version",
        "url",
      ].sort(),
    );
    expect(res.json).toMatchObject({
      app_id: APP_ID,
      capabilities: { trust_probe: "v1", connect: "v1" },
      env: null,
      framework: "nextjs",
      url: SERVE_URL,
      inspection: { mode: "cloud", authentication_succeeded: true, function_count: 4 },
    });
    // NOTE: in-band sync must not touch the API: no /fn/register.
    expect(recordingFetch.urls).not.toContain(`${EMBEDDED_ORIGIN}/fn/register`);
  });

  it("rejects an unsigned in_band PUT with 401", async () => {
    const res = await handler.PUT(
      new Request(SERVE_URL, {
        method: "PUT",
        headers: { "x-inngest-sync-kind": "in_band" },
        body: JSON.stringify({ url: SERVE_URL }),
      }) as unknown as NextRequest,
      undefined,
    );

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });

  it("treats the spec's hyphenated `in-band` as an out-of-band sync that calls /fn/register", async () => {
    const { client: ownClient, recordingFetch: ownFetch } = createContractClient();
    const ownHandler = serveFunctions(ownClient, [
      ownClient.createFunction({ id: "noop", retries: 0, triggers: [{ event: "contract/noop" }] }, async () => null),
    ]);
    const { body, signature } = signBody({ url: SERVE_URL }, SIGNING_KEY);

    const res = await ownHandler.PUT(
      new Request(SERVE_URL, {
        method: "PUT",
        headers: { "x-inngest-sync-kind": "in-band", "x-inngest-signature": signature },
        body,
      }) as unknown as NextRequest,
      undefined,
    );

    // NOTE: the failed registration (our fake answers 501) still comes back as a 200 carrying the error text.
    expect(res.status).toBe(200);
    expect(res.headers.get("x-inngest-sync-kind")).toBe("out_of_band");
    expect(await res.json()).toEqual({
      message: `unexpected SDK call: POST ${EMBEDDED_ORIGIN}/fn/register`,
      modified: false,
    });
    expect(ownFetch.urls).toEqual([`${EMBEDDED_ORIGIN}/fn/register`]);
  });
});

describe("INNGEST_ALLOW_IN_BAND_SYNC=false", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("silently turns an in_band PUT into an out-of-band sync, so the executor must check it at boot", async () => {
    const { client: ownClient, recordingFetch: ownFetch } = createContractClient();
    const ownHandler = serveFunctions(ownClient, [
      ownClient.createFunction({ id: "noop", retries: 0, triggers: [{ event: "contract/noop" }] }, async () => null),
    ]);
    vi.stubEnv("INNGEST_ALLOW_IN_BAND_SYNC", "false");

    const res = await syncInBand(ownHandler);

    expect(res.status).toBe(200);
    expect(res.headers.get("x-inngest-sync-kind")).toBe("out_of_band");
    expect(res.json).not.toHaveProperty("functions");
    expect(ownFetch.urls).toEqual([`${EMBEDDED_ORIGIN}/fn/register`]);
  });
});

describe("registration payload", () => {
  it("uses composite ids and passes triggers, idempotency and retries through", async () => {
    const fns = await syncFunctions();

    expect(fns.get(`${APP_ID}-renew`)).toEqual({
      id: `${APP_ID}-renew`,
      name: "renew",
      triggers: [
        { event: "invoice/renew", expression: "event.data.amount > 1" },
        { cron: "TZ=Europe/Berlin 0 3 * * *" },
      ],
      steps: {
        step: {
          id: "step",
          name: "step",
          runtime: { type: "http", url: stepUrl(`${APP_ID}-renew`) },
          retries: { attempts: 2 },
        },
      },
      idempotency: "event.data.invoiceId",
      concurrency: 5,
      cancel: [
        { event: "account/deleted", if: "event.data.accountId == async.data.accountId" },
        { event: "invoice/voided", timeout: "1h", if: "async.data.invoiceId == event.data.invoiceId" },
      ],
    });
  });

  it("registers onFailure as a separate <id>-failure function with one retry", async () => {
    const fns = await syncFunctions();

    expect(fns.get(`${APP_ID}-renew-failure`)).toEqual({
      id: `${APP_ID}-renew-failure`,
      name: "renew (failure)",
      triggers: [{ event: "inngest/function.failed", expression: `event.data.function_id == '${APP_ID}-renew'` }],
      steps: {
        step: {
          id: "step",
          name: "step",
          runtime: { type: "http", url: stepUrl(`${APP_ID}-renew-failure`) },
          retries: { attempts: 1 },
        },
      },
    });
  });

  it("passes concurrency through as written: number, object or array", async () => {
    const fns = await syncFunctions();

    expect(fns.get(`${APP_ID}-renew`)?.concurrency).toBe(5);
    expect(fns.get(`${APP_ID}-keyed`)?.concurrency).toEqual({ limit: 1, key: "event.data.accountId" });
    expect(fns.get(`${APP_ID}-unsupported`)?.concurrency).toEqual([
      { limit: 1 },
      { limit: 2, key: "event.data.x", scope: "env" },
    ]);
  });

  it("keeps retries: 0 and omits the retries key when retries is unset", async () => {
    const fns = await syncFunctions();
    const stepOf = (id: string) => (fns.get(`${APP_ID}-${id}`)?.steps as { step: Record<string, unknown> }).step;

    expect(stepOf("keyed").retries).toEqual({ attempts: 0 });
    expect(stepOf("unsupported")).not.toHaveProperty("retries");
    // NOTE: a trigger without `if` registers without an expression key.
    expect(fns.get(`${APP_ID}-keyed`)?.triggers).toEqual([{ event: "a/*" }]);
  });

  it("lists config the embedded executor rejects under the option names", async () => {
    const fns = await syncFunctions();

    expect(fns.get(`${APP_ID}-unsupported`)).toMatchObject({
      throttle: { limit: 1, period: "1m", key: "event.data.x" },
      rateLimit: { limit: 1, period: "1h" },
      debounce: { period: "5m" },
      priority: { run: "event.data.priority" },
      singleton: { mode: "skip" },
      timeouts: { start: "1m", finish: "1h" },
      batchEvents: { maxSize: 10, timeout: "5s" },
    });
    // NOTE: the full key set, so a new top-level key from an SDK upgrade shows up here as well as at boot.
    expect(Object.keys(fns.get(`${APP_ID}-unsupported`) ?? {}).sort()).toEqual(
      [
        "batchEvents",
        "concurrency",
        "debounce",
        "id",
        "name",
        "priority",
        "rateLimit",
        "singleton",
        "steps",
        "throttle",
        "timeouts",
        "triggers",
      ].sort(),
    );
  });
});

describe("introspection (GET)", () => {
  it("answers an unsigned GET in cloud mode with 401, not the unauthenticated summary", async () => {
    const res = await introspect(handler, { isSigned: false });

    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: "Unauthorized" });
  });

  it("answers a signed GET with the authenticated introspection", async () => {
    const res = await introspect(handler, { isSigned: true });

    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      mode: "cloud",
      authentication_succeeded: true,
      app_id: APP_ID,
      api_origin: EMBEDDED_ORIGIN,
      event_api_origin: EMBEDDED_ORIGIN,
      function_count: 4,
      has_signing_key: true,
      has_event_key: true,
      schema_version: "2024-05-24",
    });
  });
});
