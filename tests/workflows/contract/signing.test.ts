import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signBody, verifyResponseSignature } from "@/server/workflows/embedded/sign";
import { buildCallBody, callFunction, createContractClient, serveFunctions, SIGNING_KEY } from "./helpers";

// Contract: request and response signing in cloud mode (workflow-engine.md §4.11, §7). The embedded executor
// keeps the client in cloud mode so the public route rejects forged calls; these facts make that hold.

const { client } = createContractClient();
const handler = serveFunctions(client, [
  client.createFunction({ id: "echo", retries: 0, triggers: [{ event: "contract/run" }] }, async ({ event }) => ({
    x: event.data.x,
  })),
]);

const FIVE_MINUTES_MS = 5 * 60 * 1000;

/** HMAC over arbitrary bytes, the way a naive signer would do it: no canonicalisation. */
const signRaw = (raw: string, nowMs = Date.now()) => {
  const t = String(Math.floor(nowMs / 1000));
  const s = createHmac("sha256", SIGNING_KEY.replace(/^signkey-\w+-/, "")).update(raw + t).digest("hex");
  return `t=${t}&s=${s}`;
};

const body = buildCallBody();

/** The SDK's 401: every x-inngest-* header except sdk-handled is stripped, and nothing is signed. */
const expectUnauthorized = (res: Awaited<ReturnType<typeof callFunction>>) => {
  expect(res.status).toBe(401);
  expect(res.json).toEqual({ message: "Unauthorized" });
  expect(res.headers.get("x-inngest-sdk-handled")).toBe("true");
  expect(res.headers.get("x-inngest-sdk")).toBeNull();
  expect(res.headers.get("x-inngest-signature")).toBeNull();
  expect(res.headers.get("x-inngest-req-version")).toBeNull();
};

describe("request signatures", () => {
  it("rejects an unsigned call with 401", async () => {
    expectUnauthorized(await callFunction(handler, { fnId: "echo", body, signature: null }));
  });

  it("rejects a signature made with another key", async () => {
    const { body: sent, signature } = signBody(body, `signkey-test-${"00".repeat(32)}`);

    expectUnauthorized(await callFunction(handler, { fnId: "echo", body, rawBody: sent, signature }));
  });

  it.each([
    { label: "more than 5 min old", offsetMs: -FIVE_MINUTES_MS - 2_000 },
    { label: "more than 5 min in the future", offsetMs: FIVE_MINUTES_MS + 2_000 },
  ])("rejects a timestamp $label", async ({ offsetMs }) => {
    expectUnauthorized(await callFunction(handler, { fnId: "echo", body, nowMs: Date.now() + offsetMs }));
  });

  it.each([
    { label: "4 min old", offsetMs: -4 * 60 * 1000 },
    { label: "4 min in the future", offsetMs: 4 * 60 * 1000 },
  ])("accepts a timestamp $label (±5 min window)", async ({ offsetMs }) => {
    const res = await callFunction(handler, { fnId: "echo", body, nowMs: Date.now() + offsetMs });

    expect(res.status).toBe(200);
  });

  it.each([
    { label: "extra whitespace", raw: JSON.stringify(body, null, 2) },
    {
      label: "re-ordered keys",
      raw: JSON.stringify({ version: body.version, ctx: body.ctx, steps: body.steps, events: body.events, event: body.event }),
    },
  ])("rejects an HMAC over non-canonical bytes ($label)", async ({ raw }) => {
    expectUnauthorized(await callFunction(handler, { fnId: "echo", body, rawBody: raw, signature: signRaw(raw) }));
  });

  it("accepts non-canonical bytes when the HMAC covers their canonical form: the SDK re-canonicalises the parsed body", async () => {
    const { signature } = signBody(body, SIGNING_KEY);

    const res = await callFunction(handler, { fnId: "echo", body, rawBody: JSON.stringify(body, null, 2), signature });

    expect(res.status).toBe(200);
  });

  it("accepts a canonical body signed with signBody", async () => {
    const res = await callFunction(handler, { fnId: "echo", body });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ x: "acct-1" });
  });
});

describe("response signatures", () => {
  it("signs the raw response body with the key that validated the request", async () => {
    const res = await callFunction(handler, { fnId: "echo", body });
    const header = res.headers.get("x-inngest-signature");

    expect(header).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
    expect(verifyResponseSignature(res.text, header, SIGNING_KEY)).toBe(true);
    expect(verifyResponseSignature(res.text, header, `signkey-test-${"00".repeat(32)}`)).toBe(false);
    expect(verifyResponseSignature(`${res.text} `, header, SIGNING_KEY)).toBe(false);
  });
});

describe("mode resolution", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const createEchoHandler = (options: { isDev?: boolean }) => {
    const { client: ownClient } = createContractClient(options);
    return serveFunctions(ownClient, [
      ownClient.createFunction({ id: "echo", retries: 0, triggers: [{ event: "contract/run" }] }, async () => "ran"),
    ]);
  };

  it("re-reads INNGEST_DEV on every request: set later, it switches verification off, and it sticks once unset", async () => {
    const ownHandler = createEchoHandler({});
    expectUnauthorized(await callFunction(ownHandler, { fnId: "echo", body, signature: null }));

    vi.stubEnv("INNGEST_DEV", "1");
    const forged = await callFunction(ownHandler, { fnId: "echo", body, signature: null });
    vi.unstubAllEnvs();
    // WARNING: the client merges env into its own copy and never drops keys, so dev mode survives the unset.
    const stillForged = await callFunction(ownHandler, { fnId: "echo", body, signature: null });

    expect(forged.status).toBe(200);
    expect(forged.json).toBe("ran");
    expect(stillForged.status).toBe(200);
  });

  it("keeps verifying signatures despite INNGEST_DEV when the client sets isDev: false", async () => {
    const ownHandler = createEchoHandler({ isDev: false });
    vi.stubEnv("INNGEST_DEV", "1");

    expectUnauthorized(await callFunction(ownHandler, { fnId: "echo", body, signature: null }));
    expect((await callFunction(ownHandler, { fnId: "echo", body })).status).toBe(200);
  });
});
