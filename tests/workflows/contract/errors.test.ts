import { eventType, NonRetriableError, RetryAfterError, StepError } from "inngest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  buildCallBody,
  callFunction,
  createContractClient,
  hashStepId,
  parseOps,
  parseSingleOp,
  serveFunctions,
  TEST_EVENT,
} from "./helpers";

// Contract: how failures come back (workflow-engine.md §4.6, §7). The executor's retry decision reads only
// status, x-inngest-no-retry and retry-after, so those are pinned for every failure kind.

const { client } = createContractClient();

const RETRY_AT = new Date("2030-01-01T00:00:00Z");

const typedEvent = eventType("contract/typed", { schema: z.object({ invoiceId: z.string().min(1) }) });

const functions = [
  client.createFunction({ id: "step-throws", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("boom", () => {
      throw new Error("provider down");
    });
  }),
  client.createFunction({ id: "step-non-retriable", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("refused", () => {
      throw new NonRetriableError("card declined");
    });
  }),
  client.createFunction({ id: "step-retry-after", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    await step.run("later", () => {
      throw new RetryAfterError("rate limited", RETRY_AT);
    });
  }),
  client.createFunction({ id: "step-caught", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) => {
    try {
      await step.run("boom", () => "unreachable in these tests");
    } catch (err) {
      return err instanceof StepError
        ? { stepId: err.stepId, name: err.name, message: err.message }
        : { unexpected: String(err) };
    }
  }),
  client.createFunction({ id: "fn-non-retriable", retries: 2, triggers: [{ event: "contract/run" }] }, async () => {
    throw new NonRetriableError("invoice missing");
  }),
  client.createFunction({ id: "fn-retry-after", retries: 2, triggers: [{ event: "contract/run" }] }, async () => {
    throw new RetryAfterError("come back later", "30s");
  }),
  client.createFunction({ id: "fn-throws", retries: 2, triggers: [{ event: "contract/run" }] }, async () => {
    throw new Error("database unavailable");
  }),
  client.createFunction({ id: "lone-step", retries: 2, triggers: [{ event: "contract/run" }] }, async ({ step }) =>
    step.run("a", () => 1),
  ),
  client.createFunction({ id: "typed", retries: 2, triggers: [{ event: typedEvent }] }, async ({ event }) => event.data),
  client.createFunction({ id: "cron", retries: 0, triggers: [{ cron: "*/5 * * * *" }] }, async ({ event }) => event.name),
];

const handler = serveFunctions(client, functions);

const serializedError = (name: string, message: string) => ({
  name,
  message,
  stack: expect.any(String),
  __serialized: true,
});

describe("step errors", () => {
  it("answers a throwing step with retries left with 206 StepError and no-retry: false", async () => {
    const res = await callFunction(handler, { fnId: "step-throws", body: buildCallBody({ attempt: 0, maxAttempts: 3 }) });

    expect(res.status).toBe(206);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(res.headers.get("retry-after")).toBeNull();
    expect(parseOps(res)).toEqual([
      {
        id: hashStepId("boom"),
        op: "StepError",
        name: "boom",
        opts: {},
        displayName: "boom",
        userland: { id: "boom" },
        error: serializedError("Error", "provider down"),
        timing: { a: expect.any(Number), b: expect.any(Number) },
        data: null,
      },
    ]);
  });

  it("still answers StepError one attempt before the last", async () => {
    const res = await callFunction(handler, { fnId: "step-throws", body: buildCallBody({ attempt: 1, maxAttempts: 3 }) });

    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(parseSingleOp(res).op).toBe("StepError");
  });

  it("declares the failure final itself at attempt = max_attempts - 1: 206 StepFailed and no-retry: true", async () => {
    const res = await callFunction(handler, { fnId: "step-throws", body: buildCallBody({ attempt: 2, maxAttempts: 3 }) });

    expect(res.status).toBe(206);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    // NOTE: StepFailed also carries the error, stack-less, in `data`; memoise `error`, as the Go executor does.
    expect(parseOps(res)).toEqual([
      {
        id: hashStepId("boom"),
        op: "StepFailed",
        name: "boom",
        opts: {},
        displayName: "boom",
        userland: { id: "boom" },
        error: serializedError("Error", "provider down"),
        timing: { a: expect.any(Number), b: expect.any(Number) },
        data: { __serialized: true, name: "Error", message: "provider down", stack: "" },
      },
    ]);
  });

  it("answers retriable forever when ctx.max_attempts is omitted, so the executor must always send it", async () => {
    const res = await callFunction(handler, {
      fnId: "step-throws",
      body: buildCallBody({ attempt: 50, maxAttempts: null }),
    });

    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(parseSingleOp(res).op).toBe("StepError");
  });

  it("fails a step that throws NonRetriableError at once: StepFailed on attempt 0", async () => {
    const res = await callFunction(handler, { fnId: "step-non-retriable", body: buildCallBody({ attempt: 0 }) });

    expect(res.status).toBe(206);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(parseSingleOp(res)).toMatchObject({
      op: "StepFailed",
      error: serializedError("NonRetriableError", "card declined"),
    });
  });

  it("puts a step-level RetryAfterError(date) on the 206 as an ISO retry-after", async () => {
    const res = await callFunction(handler, { fnId: "step-retry-after", body: buildCallBody() });

    expect(res.status).toBe(206);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(res.headers.get("retry-after")).toBe("2030-01-01T00:00:00.000Z");
    expect(parseSingleOp(res)).toMatchObject({
      op: "StepError",
      error: serializedError("RetryAfterError", "rate limited"),
    });
  });
});

describe("memoised step errors", () => {
  const failedMemo = { [hashStepId("boom")]: { error: { name: "Error", message: "provider down", stack: "Error: …" } } };

  it("fails the run with 400 no-retry: true when user code does not catch the error", async () => {
    const res = await callFunction(handler, { fnId: "step-throws", body: buildCallBody({ steps: failedMemo }) });

    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toEqual({ name: "Error", message: "provider down", stack: "Error: …", __serialized: true });
  });

  it("throws a StepError into user code, which may catch it and finish", async () => {
    const res = await callFunction(handler, { fnId: "step-caught", body: buildCallBody({ steps: failedMemo }) });

    expect(res.status).toBe(200);
    // NOTE: a StepError instance that keeps the original error's name; `stepId` is the unhashed id.
    expect(res.json).toEqual({ stepId: "boom", name: "Error", message: "provider down" });
  });
});

describe("function-level errors", () => {
  it("answers NonRetriableError with 400 and no-retry: true", async () => {
    const res = await callFunction(handler, { fnId: "fn-non-retriable", body: buildCallBody() });

    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toEqual(serializedError("NonRetriableError", "invoice missing"));
  });

  it('answers RetryAfterError("…", "30s") with 500, no-retry: false and retry-after: 30', async () => {
    const res = await callFunction(handler, { fnId: "fn-retry-after", body: buildCallBody() });

    expect(res.status).toBe(500);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.json).toEqual(serializedError("RetryAfterError", "come back later"));
  });

  it("answers a plain error with retries left with 500 and no-retry: false", async () => {
    const res = await callFunction(handler, { fnId: "fn-throws", body: buildCallBody({ attempt: 1, maxAttempts: 3 }) });

    expect(res.status).toBe(500);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(res.headers.get("retry-after")).toBeNull();
    expect(res.json).toEqual(serializedError("Error", "database unavailable"));
  });

  it("answers a plain error at the last attempt with 400 and no-retry: true", async () => {
    const res = await callFunction(handler, { fnId: "fn-throws", body: buildCallBody({ attempt: 2, maxAttempts: 3 }) });

    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toEqual(serializedError("Error", "database unavailable"));
  });
});

describe("trigger validation on every call", () => {
  it("fails the run with 400 EventValidationError when the event matches none of the function's triggers", async () => {
    const event = { ...TEST_EVENT, name: "contract/other" };

    const res = await callFunction(handler, { fnId: "lone-step", body: buildCallBody({ event }) });

    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toEqual(serializedError("EventValidationError", "Event not found in triggers: contract/other"));
  });

  it("fails the run with 400 when the event data does not satisfy the trigger's schema", async () => {
    const event = { ...TEST_EVENT, name: "contract/typed", data: { invoiceId: "" } };

    const res = await callFunction(handler, { fnId: "typed", body: buildCallBody({ event }) });

    expect(res.status).toBe(400);
    expect(res.headers.get("x-inngest-no-retry")).toBe("true");
    expect(res.json).toMatchObject({ name: "EventValidationError", message: expect.stringMatching(/^invoiceId: /) });
  });

  it("accepts inngest/scheduled.timer for a cron trigger", async () => {
    const event = {
      ...TEST_EVENT,
      id: "2026-01-01T00:05:00Z",
      name: "inngest/scheduled.timer",
      data: { cron: "*/5 * * * *" },
    };

    const res = await callFunction(handler, { fnId: "cron", body: buildCallBody({ event }) });

    expect(res.status).toBe(200);
    expect(res.json).toBe("inngest/scheduled.timer");
  });
});

describe("unknown stepId", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers 500 Could not find step, no-retry: false, but only after a 10 s timeout", async () => {
    // NOTE: the SDK waits 10 s (engine.ts timeoutDuration) for the step to appear; fake only the timers so the
    // test is fast while Date (the signature clock) stays real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const missing = hashStepId("renamed-step");
    let isSettled = false;
    const pending = callFunction(handler, { fnId: "lone-step", stepId: missing, body: buildCallBody() }).finally(() => {
      isSettled = true;
    });
    // NOTE: the SDK also needs real I/O (Web Crypto) and re-arms its timer after discovery, so fake time moves
    // in small steps with short real waits in between; Date (not faked) bounds the real waits.
    const waitForReal = async (timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!isSettled && Date.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    let fakeElapsedMs = 0;
    await waitForReal(50);
    while (!isSettled && fakeElapsedMs < 60_000) {
      await vi.advanceTimersByTimeAsync(500);
      fakeElapsedMs += 500;
      await waitForReal(25);
    }

    expect(isSettled).toBe(true);
    // The exact arming instant depends on real I/O, hence a range rather than exactly 10 s.
    expect(fakeElapsedMs).toBeGreaterThanOrEqual(10_000);
    expect(fakeElapsedMs).toBeLessThanOrEqual(20_000);
    const res = await pending;

    expect(res.status).toBe(500);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(res.json).toEqual({
      error: `Could not find step "${missing}" to run; timed out. Found new steps: \na (${hashStepId("a")}).`,
      requestedStep: missing,
      foundSteps: [{ id: hashStepId("a"), name: "a", displayName: "a" }],
      totalFoundSteps: 1,
    });
  });
});
