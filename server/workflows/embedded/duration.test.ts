import { describe, expect, it } from "vitest";
import { parseDurationMs, parseRetryAfterMs, resolveTimeMs } from "./duration";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("parseDurationMs", () => {
  it.each([
    { input: "", expected: 0 },
    { input: "1w", expected: 7 * D },
    { input: "2d12h", expected: 2.5 * D },
    { input: "1m30s", expected: 90 * S },
    { input: "1w2d3h4m5s", expected: 9 * D + 3 * H + 4 * M + 5 * S },
    { input: "8d", expected: 8 * D },
    { input: "1.5h", expected: 1.5 * H },
    { input: "500ms", expected: 500 },
    { input: "1 hour", expected: H },
    { input: "2 days", expected: 2 * D },
    { input: "1500", expected: 1500 },
    { input: 90_000, expected: 90_000 },
  ])("$input → $expected ms", ({ input, expected }) => {
    expect(parseDurationMs(input)).toBe(expected);
  });

  it.each(["soon", "1x", "5d later", "-1h"])("%s is not a duration", (input) => {
    expect(parseDurationMs(input)).toBeUndefined();
  });
});

describe("resolveTimeMs and retry-after", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");

  it("takes ISO dates as absolute times and durations from now", () => {
    expect(resolveTimeMs("2030-01-01T00:00:00.000Z", now)).toBe(Date.parse("2030-01-01T00:00:00Z"));
    expect(resolveTimeMs("1d", now)).toBe(now + D);
  });

  it.each([
    { header: "30", expected: now + 30 * S },
    { header: "2026-01-01T00:05:00.000Z", expected: now + 5 * M },
    { header: "2m", expected: now + 2 * M },
    { header: "Thu, 01 Jan 2026 00:01:00 GMT", expected: now + M },
  ])("retry-after $header", ({ header, expected }) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });

  it("ignores a missing header", () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});
