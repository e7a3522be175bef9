import { describe, expect, it } from "vitest";
import { outboxRetryDelayMs } from "./retry-delay";

describe("outboxRetryDelayMs", () => {
  it.each([
    { attempts: 1, expectedMs: 1_000 },
    { attempts: 2, expectedMs: 2_000 },
    { attempts: 5, expectedMs: 16_000 },
    { attempts: 9, expectedMs: 256_000 },
    { attempts: 10, expectedMs: 300_000 /* capped at 5 min */ },
    { attempts: 50, expectedMs: 300_000 },
  ])("after $attempts failed attempts waits $expectedMs ms (no jitter)", ({ attempts, expectedMs }) => {
    expect(outboxRetryDelayMs(attempts, () => 0)).toBe(expectedMs);
  });

  it("adds at most 10% jitter", () => {
    expect(outboxRetryDelayMs(3, () => 0.999)).toBe(4_399);
    expect(outboxRetryDelayMs(20, () => 0.999)).toBe(329_970);
  });
});
