import { describe, expect, it } from "vitest";
import { backoffDelayMs, BACKOFF_TABLE_MS, MAX_JITTER_MS, tableBackoffMs } from "./backoff";

describe("tableBackoffMs", () => {
  it.each([
    { attempt: 0, expected: 15_000 },
    { attempt: 1, expected: 30_000 },
    { attempt: 2, expected: 60_000 },
    { attempt: 4, expected: 300_000 },
    { attempt: 9, expected: 7_200_000 },
    { attempt: 25, expected: 7_200_000 /* capped at 2 h */ },
  ])("attempt $attempt waits $expected ms without jitter", ({ attempt, expected }) => {
    expect(tableBackoffMs(attempt, () => 0)).toBe(expected);
  });

  it("adds up to 30 s of jitter", () => {
    expect(tableBackoffMs(0, () => 0.999_999)).toBe(15_000 + MAX_JITTER_MS - 1);
    for (let i = 0; i < 100; i += 1) {
      const delay = tableBackoffMs(3);
      expect(delay).toBeGreaterThanOrEqual(BACKOFF_TABLE_MS[3]!);
      expect(delay).toBeLessThan(BACKOFF_TABLE_MS[3]! + MAX_JITTER_MS);
    }
  });

  it("accepts a custom backoff function", () => {
    expect(backoffDelayMs((attempt) => attempt * 100, 3)).toBe(300);
  });
});
