import { describe, expect, it } from "vitest";
import { nextMailAttemptAt } from "./mail-retry-schedule";

describe("nextMailAttemptAt", () => {
  const failedAt = new Date("2026-03-01T09:00:00Z");
  it.each([
    { attempts: 1, expected: "2026-03-01T09:01:00.000Z" },
    { attempts: 2, expected: "2026-03-01T09:05:00.000Z" },
    { attempts: 4, expected: "2026-03-01T10:00:00.000Z" },
    { attempts: 8, expected: "2026-03-02T09:00:00.000Z" },
    { attempts: 9, expected: null },
  ])("after $attempts failed attempts → $expected", ({ attempts, expected }) => {
    expect(nextMailAttemptAt(attempts, failedAt)?.toISOString() ?? null).toBe(expected);
  });
});
