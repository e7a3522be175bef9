import { afterAll, describe, expect, it } from "vitest";
import {
  APP_ID,
  buildCallBody,
  callFunction,
  createContractClient,
  EMBEDDED_ORIGIN,
  EVENT_KEY,
  hashStepId,
  parseOps,
  parseSingleOp,
  serveFunctions,
  TEST_EVENT,
} from "./helpers";

// Contract: the ops 4.24.0 emits for each step kind (workflow-engine.md §4.7–§4.10, §7). The embedded executor
// interprets exactly these shapes, so they are asserted whole: a new field after an upgrade fails here first.

const { client, recordingFetch } = createContractClient();

const child = client.createFunction({ id: "child", retries: 0, triggers: [{ event: "contract/child" }] }, async () => "ok");

const functions = [
  child,
  client.createFunction({ id: "run", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    // NOTE: a result with its own `data` key shows that StepRun carries the raw value, not a memo wrapper.
    const result = await step.run("a", () => ({ invoiceId: "inv-1", data: { nested: true } }));
    const nothing = await step.run("b", () => undefined);
    return { result, nothing };
  }),
  client.createFunction({ id: "parallel", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    const [p1, p2] = await Promise.all([step.run("p1", () => "one"), step.run("p2", () => "two")]);
    const after = await step.run("after", () => "three");
    return { p1, p2, after };
  }),
  client.createFunction({ id: "sleep", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ event, step }) => {
    await step.sleep("nap", event.data.duration ?? "7d");
  }),
  client.createFunction({ id: "sleep-until", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.sleepUntil("until", new Date("2030-01-01T00:00:00Z"));
  }),
  client.createFunction({ id: "wait", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) =>
    step.waitForEvent("wait-payment", { event: "payment/received", match: "data.x", timeout: "2.5d" }),
  ),
  client.createFunction({ id: "invoke", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    const plain = await step.invoke("invoke-plain", { function: child, data: { invoiceId: "inv-1" } });
    const timed = await step.invoke("invoke-timed", { function: child, data: { invoiceId: "inv-2" }, timeout: "1h" });
    return { plain, timed };
  }),
  client.createFunction({ id: "send", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) =>
    step.sendEvent("announce", [
      { name: "contract/sent", data: { n: 1 } },
      { name: "contract/sent", data: { n: 2 } },
    ]),
  ),
];

const handler = serveFunctions(client, functions);

// Isolation (workflow-engine.md §7): across every call in this file, the SDK's only outbound request is the
// Event API. Anything else (/v1/checkpoint, /fn/register, /v0/…) would mean it wants a real Inngest server.
afterAll(() => {
  expect(recordingFetch.urls.filter((url) => url !== `${EMBEDDED_ORIGIN}/e/${EVENT_KEY}`)).toEqual([]);
});

describe("step.run", () => {
  it("runs a lone step inline: 206 StepRun with the raw return value as data", async () => {
    const res = await callFunction(handler, { fnId: "run", body: buildCallBody() });

    expect(res.status).toBe(206);
    expect(res.headers.get("x-inngest-no-retry")).toBeNull();
    expect(res.headers.get("retry-after")).toBeNull();
    expect(parseOps(res)).toEqual([
      {
        id: "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8",
        op: "StepRun",
        name: "a",
        opts: {},
        displayName: "a",
        userland: { id: "a" },
        data: { invoiceId: "inv-1", data: { nested: true } },
        timing: { a: expect.any(Number), b: expect.any(Number) },
      },
    ]);
    expect(hashStepId("a")).toBe("86f7e437faa5a7fce15d1ddcb9eaeaea377667b8");
  });

  it("reports an undefined step result as data: null", async () => {
    const steps = { [hashStepId("a")]: { data: { invoiceId: "inv-1", data: { nested: true } } } };

    const op = parseSingleOp(await callFunction(handler, { fnId: "run", body: buildCallBody({ steps }) }));

    expect(op).toMatchObject({ op: "StepRun", id: hashStepId("b"), data: null });
  });

  it("completes with 200 and the JSON return value, not a RunComplete op", async () => {
    const steps = { [hashStepId("a")]: { data: { invoiceId: "inv-1" } }, [hashStepId("b")]: { data: null } };

    const res = await callFunction(handler, { fnId: "run", body: buildCallBody({ steps }) });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ result: { invoiceId: "inv-1" }, nothing: null });
  });
});

describe("parallel steps", () => {
  const planned = (id: string) => ({
    id: hashStepId(id),
    op: "StepPlanned",
    name: id,
    displayName: id,
    opts: {},
    userland: { id },
    data: null,
  });

  it("plans both steps of a Promise.all instead of running them", async () => {
    const res = await callFunction(handler, { fnId: "parallel", body: buildCallBody() });

    expect(res.status).toBe(206);
    expect(parseOps(res)).toEqual([planned("p1"), planned("p2")]);
  });

  it("runs exactly the requested step for stepId=<hash> with disable_immediate_execution", async () => {
    const res = await callFunction(handler, {
      fnId: "parallel",
      stepId: hashStepId("p2"),
      body: buildCallBody({ disableImmediateExecution: true }),
    });

    expect(parseOps(res)).toEqual([
      {
        id: hashStepId("p2"),
        op: "StepRun",
        name: "p2",
        opts: {},
        displayName: "p2",
        userland: { id: "p2" },
        data: "two",
        timing: { a: expect.any(Number), b: expect.any(Number) },
      },
    ]);
  });

  it("plans rather than runs the next lone step once disable_immediate_execution is set", async () => {
    // NOTE: completion order p2 then p1: the stack lists memos in the order they settled.
    const steps = { [hashStepId("p2")]: { data: "two" }, [hashStepId("p1")]: { data: "one" } };

    const res = await callFunction(handler, {
      fnId: "parallel",
      body: buildCallBody({ steps, disableImmediateExecution: true }),
    });

    expect(parseOps(res)).toEqual([planned("after")]);
  });

  it("runs the next lone step inline when disable_immediate_execution is false", async () => {
    const steps = { [hashStepId("p2")]: { data: "two" }, [hashStepId("p1")]: { data: "one" } };

    const op = parseSingleOp(await callFunction(handler, { fnId: "parallel", body: buildCallBody({ steps }) }));

    expect(op).toMatchObject({ op: "StepRun", id: hashStepId("after"), data: "three" });
  });
});

describe("sleeps", () => {
  it('emits Sleep with the normalised duration in name: "7d" → "1w"', async () => {
    const res = await callFunction(handler, { fnId: "sleep", body: buildCallBody() });

    expect(res.status).toBe(206);
    expect(parseOps(res)).toEqual([
      {
        id: hashStepId("nap"),
        op: "Sleep",
        name: "1w",
        opts: {},
        displayName: "nap",
        userland: { id: "nap" },
        data: null,
      },
    ]);
  });

  it.each([
    { duration: "1 hour", name: "1h" },
    { duration: "2.5d", name: "2d12h" },
    { duration: 90_000, name: "1m30s" },
    { duration: 500, name: "1s" },
    { duration: "8d", name: "1w1d" },
  ])("normalises $duration to $name", async ({ duration, name }) => {
    const event = { ...TEST_EVENT, data: { ...TEST_EVENT.data, duration } };

    const op = parseSingleOp(await callFunction(handler, { fnId: "sleep", body: buildCallBody({ event }) }));

    expect(op).toMatchObject({ op: "Sleep", name, opts: {} });
  });

  it("emits sleepUntil as Sleep with an ISO date in name", async () => {
    const op = parseSingleOp(await callFunction(handler, { fnId: "sleep-until", body: buildCallBody() }));

    expect(op).toEqual({
      id: hashStepId("until"),
      op: "Sleep",
      name: "2030-01-01T00:00:00.000Z",
      opts: {},
      displayName: "until",
      userland: { id: "until" },
      data: null,
    });
  });
});

describe("step.waitForEvent", () => {
  it("emits WaitForEvent with the event name in name, match rewritten to if, and a normalised timeout", async () => {
    const op = parseSingleOp(await callFunction(handler, { fnId: "wait", body: buildCallBody() }));

    expect(op).toEqual({
      id: hashStepId("wait-payment"),
      op: "WaitForEvent",
      name: "payment/received",
      opts: { timeout: "2d12h", if: "event.data.x == async.data.x" },
      displayName: "wait-payment",
      userland: { id: "wait-payment" },
      data: null,
    });
  });
});

describe("step.invoke", () => {
  it("emits InvokeFunction with the composite function_id and payload.data, without timeout when unset", async () => {
    const op = parseSingleOp(await callFunction(handler, { fnId: "invoke", body: buildCallBody() }));

    // NOTE: unlike the other ops, InvokeFunction carries no `name`.
    expect(op).toEqual({
      id: hashStepId("invoke-plain"),
      op: "InvokeFunction",
      opts: { payload: { data: { invoiceId: "inv-1" } }, function_id: `${APP_ID}-child` },
      displayName: "invoke-plain",
      userland: { id: "invoke-plain" },
      data: null,
    });
  });

  it("adds opts.timeout only when set", async () => {
    const steps = { [hashStepId("invoke-plain")]: { data: "ok" } };

    const op = parseSingleOp(await callFunction(handler, { fnId: "invoke", body: buildCallBody({ steps }) }));

    expect(op).toEqual({
      id: hashStepId("invoke-timed"),
      op: "InvokeFunction",
      opts: { payload: { data: { invoiceId: "inv-2" } }, function_id: `${APP_ID}-child`, timeout: "1h" },
      displayName: "invoke-timed",
      userland: { id: "invoke-timed" },
      data: null,
    });
  });

  it("accepts an invoked child run: inngest/function.invoked passes trigger validation", async () => {
    const event = {
      name: "inngest/function.invoked",
      data: { invoiceId: "inv-1", _inngest: { fn_id: `${APP_ID}-child`, source_fn_id: `${APP_ID}-invoke` } },
      id: "01JCONTRACTINVOKED00000000",
      ts: TEST_EVENT.ts,
      user: {},
    };

    const res = await callFunction(handler, { fnId: "child", body: buildCallBody({ event }) });

    expect(res.status).toBe(200);
    expect(res.json).toBe("ok");
  });
});

describe("step.sendEvent", () => {
  it("runs as a StepRun that already POSTed the events to /e/:key, and touches no other API", async () => {
    const before = recordingFetch.requests.length;

    const res = await callFunction(handler, { fnId: "send", body: buildCallBody() });

    expect(parseOps(res)).toEqual([
      {
        id: hashStepId("announce"),
        op: "StepRun",
        name: "sendEvent",
        opts: { type: "step.sendEvent" },
        displayName: "announce",
        userland: { id: "announce" },
        data: { ids: ["evt-1", "evt-2"] },
        timing: { a: expect.any(Number), b: expect.any(Number) },
      },
    ]);
    // Isolation: no /v1/checkpoint, /fn/register or /v0/… call ever leaves the SDK.
    expect(recordingFetch.urls.slice(before)).toEqual([`${EMBEDDED_ORIGIN}/e/${EVENT_KEY}`]);
    const request = recordingFetch.requests[before];
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("x-inngest-event-id-seed")).toMatch(/^\d+,.+$/);
    const sent = JSON.parse(request?.body ?? "null") as Array<Record<string, unknown>>;
    expect(sent).toMatchObject([
      { name: "contract/sent", data: { n: 1 } },
      { name: "contract/sent", data: { n: 2 } },
    ]);
    // NOTE: no event id unless the user sets one; the executor assigns ids on ingest.
    expect(sent.map((evt) => evt.id)).toEqual([undefined, undefined]);
  });
});

describe("checkpointing: false", () => {
  it("ignores ctx.fn_id / ctx.qi_id: one step per request, no /v1/checkpoint call", async () => {
    const before = recordingFetch.urls.length;
    const body = buildCallBody();
    const withCheckpointIds = { ...body, ctx: { ...body.ctx, fn_id: "00000000-0000-0000-0000-000000000000", qi_id: "qi-1" } };

    const res = await callFunction(handler, { fnId: "run", body: withCheckpointIds });

    expect(parseOps(res)).toMatchObject([{ op: "StepRun", id: hashStepId("a") }]);
    expect(recordingFetch.urls.slice(before)).toEqual([]);
  });
});
