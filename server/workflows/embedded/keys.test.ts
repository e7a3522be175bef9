import { describe, expect, it } from "vitest";
import { matchesExpression } from "./expr";
import { evaluateConcurrencyKeys, evaluateIdempotencyKey, normalizeConcurrency } from "./keys";

const event = { name: "services/service.provision-requested", data: { serverId: "srv-1", accountId: 42 } };

describe("normalizeConcurrency", () => {
  it.each([
    { input: undefined, expected: [] },
    { input: 5, expected: [{ limit: 5 }] },
    { input: { limit: 1, key: "event.data.serverId" }, expected: [{ limit: 1, key: "event.data.serverId" }] },
    { input: [{ limit: 5 }, { limit: 1, key: "k" }], expected: [{ limit: 5 }, { limit: 1, key: "k" }] },
  ])("$input", ({ input, expected }) => {
    expect(normalizeConcurrency(input)).toEqual(expected);
  });
});

describe("key evaluation", () => {
  it("evaluates one key per entry; unkeyed and failing keys are the constant key", () => {
    expect(
      evaluateConcurrencyKeys([{ limit: 5 }, { limit: 1, key: "event.data.serverId" }, { limit: 1, key: "event.data.missing" }], event),
    ).toEqual(["", "srv-1", ""]);
    expect(evaluateConcurrencyKeys([{ limit: 1, key: "event.data.accountId" }], event)).toEqual(["42"]);
  });

  it("gives no idempotency key when the expression fails", () => {
    expect(evaluateIdempotencyKey("event.data.serverId + '-x'", event)).toBe("srv-1-x");
    expect(evaluateIdempotencyKey("event.data.nope", event)).toBeUndefined();
  });

  it("treats expression errors as no match", () => {
    expect(matchesExpression("event.data.serverId == async.data.serverId", { event, async: { data: { serverId: "srv-1" } } })).toBe(true);
    expect(matchesExpression("event.data.serverId == async.data.serverId", { event, async: { data: {} } })).toBe(false);
    expect(matchesExpression(undefined, { event })).toBe(true);
    expect(matchesExpression("event.data.", { event })).toBe(false);
  });
});
