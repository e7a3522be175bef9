import { describe, expect, it } from "vitest";
import { buildCallBody, callFunction, createContractClient, hashStepId, parseOps, serveFunctions } from "./helpers";

// Contract: the memo shapes the executor writes into `steps` (workflow-engine.md §4.5, §4.9, §7).
// Sleeps and waits are memoised raw, not as {data}; these tests prove the SDK resumes from exactly that.

const { client } = createContractClient();

const functions = [
  client.createFunction({ id: "nap", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.sleep("nap", "7d");
    return step.run("after-nap", () => "awake");
  }),
  client.createFunction({ id: "wait", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    const payment = await step.waitForEvent("wait-payment", { event: "payment/received", match: "data.x", timeout: "1d" });
    return { payment };
  }),
  client.createFunction({ id: "repeat", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("x", () => "first");
    await step.run("x", () => "second");
  }),
];

const handler = serveFunctions(client, functions);

const PAYMENT_EVENT = {
  name: "payment/received",
  data: { x: "acct-1", amountCents: 10_000 /* €100.00 */, data: { note: "an inner data key" } },
  id: "01JCONTRACTPAYMENT00000000",
  ts: 1_767_312_000_000,
  user: {},
};

describe("sleep memo", () => {
  it("resumes past a sleep memoised as raw null", async () => {
    const res = await callFunction(handler, { fnId: "nap", body: buildCallBody({ steps: { [hashStepId("nap")]: null } }) });

    expect(parseOps(res)).toMatchObject([{ op: "StepRun", id: hashStepId("after-nap"), data: "awake" }]);
  });
});

describe("waitForEvent memo", () => {
  it("hands the raw, unwrapped event to user code whole, including its own data key", async () => {
    const steps = { [hashStepId("wait-payment")]: PAYMENT_EVENT };

    const res = await callFunction(handler, { fnId: "wait", body: buildCallBody({ steps }) });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ payment: PAYMENT_EVENT });
  });

  it("resumes as a timeout when the wait is memoised as raw null", async () => {
    const steps = { [hashStepId("wait-payment")]: null };

    const res = await callFunction(handler, { fnId: "wait", body: buildCallBody({ steps }) });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ payment: null });
  });

  it("validates the memoised event's name against the awaited event: a mismatch fails the step", async () => {
    const steps = { [hashStepId("wait-payment")]: { ...PAYMENT_EVENT, name: "payment/refunded" } };

    const res = await callFunction(handler, { fnId: "wait", body: buildCallBody({ steps }) });

    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toMatchObject({
      name: "EventValidationError",
      message: "Event not found in triggers: payment/refunded",
    });
  });
});

describe("repeated step ids", () => {
  it('hashes the second use of "x" as sha1("x:1")', async () => {
    const res = await callFunction(handler, {
      fnId: "repeat",
      body: buildCallBody({ steps: { [hashStepId("x")]: { data: "first" } } }),
    });

    expect(hashStepId("x:1")).toBe("825b938e1bf063c8ae74c6b0689861a0c2c0ae63");
    expect(parseOps(res)).toEqual([
      {
        id: "825b938e1bf063c8ae74c6b0689861a0c2c0ae63",
        op: "StepRun",
        name: "x",
        opts: {},
        displayName: "x",
        userland: { id: "x", index: 1 },
        data: "second",
        timing: { a: expect.any(Number), b: expect.any(Number) },
      },
    ]);
  });

  it("completes with 200 and null when the function returns undefined after its steps", async () => {
    const steps = { [hashStepId("x")]: { data: "first" }, [hashStepId("x:1")]: { data: "second" } };

    const res = await callFunction(handler, { fnId: "repeat", body: buildCallBody({ steps }) });

    expect(res.status).toBe(200);
    expect(res.text).toBe("null");
  });
});
