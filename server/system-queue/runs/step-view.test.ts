import { describe, expect, it } from "vitest";
import { parseStepMemo, stepOpLabel, stepStatusOf, toQueueError } from "./step-view";

describe("parseStepMemo", () => {
  it.each([
    { memo: null, expected: null },
    { memo: { v: { data: { invoiceId: "inv_1" } } }, expected: { kind: "data", value: { invoiceId: "inv_1" } } },
    { memo: { v: { data: null } }, expected: { kind: "data", value: null } },
    {
      memo: { v: { error: { name: "NonRetriableError", message: "gone", stack: "at x" } } },
      expected: { kind: "error", error: { name: "NonRetriableError", message: "gone", stack: "at x" } },
    },
    { memo: { v: null }, expected: { kind: "raw", value: null } },
    {
      memo: { v: { name: "billing/invoice.paid", data: { id: 1 }, id: "e1", ts: 1 } },
      expected: { kind: "raw", value: { name: "billing/invoice.paid", data: { id: 1 }, id: "e1", ts: 1 } },
    },
  ])("$memo → $expected", ({ memo, expected }) => {
    expect(parseStepMemo(memo)).toEqual(expected);
  });
});

describe("stepStatusOf", () => {
  it.each([
    { result: null, lastError: null, expected: "pending" },
    { result: null, lastError: { name: "Error", message: "503" }, expected: "retrying" },
    { result: { kind: "data", value: 1 } as const, lastError: { message: "earlier" }, expected: "completed" },
    { result: { kind: "raw", value: null } as const, lastError: null, expected: "completed" },
    { result: { kind: "error", error: toQueueError({ message: "x" }) } as const, lastError: null, expected: "failed" },
  ])("$expected", ({ result, lastError, expected }) => {
    expect(stepStatusOf({ result, lastError })).toBe(expected);
  });
});

describe("toQueueError", () => {
  it("keeps odd shapes readable", () => {
    expect(toQueueError("boom")).toEqual({ name: "Error", message: "boom", stack: null });
    expect(toQueueError({ code: 7 })).toEqual({ name: "Error", message: '{"code":7}', stack: null });
  });
});

describe("stepOpLabel", () => {
  it.each([
    ["StepRun", "Step"],
    ["Sleep", "Sleep"],
    ["WaitForEvent", "Wait for event"],
    ["InvokeFunction", "Invoke"],
    ["Mystery", "Mystery"],
  ])("%s → %s", (op, label) => {
    expect(stepOpLabel(op)).toBe(label);
  });
});
