import { describe, expect, it } from "vitest";
import { cronError, nextCronSlotMs, parseCronSpec } from "./cron";

const at = (iso: string) => Date.parse(iso);

describe("nextCronSlotMs", () => {
  it.each([
    { spec: "*/5 * * * *", after: "2026-01-01T00:00:00Z", expected: "2026-01-01T00:05:00.000Z" },
    { spec: "*/5 * * * *", after: "2026-01-01T00:04:59Z", expected: "2026-01-01T00:05:00.000Z" },
    { spec: "0 3 * * *", after: "2026-01-01T03:00:00Z", expected: "2026-01-02T03:00:00.000Z" },
    { spec: "TZ=Europe/Berlin 0 3 * * *", after: "2026-01-01T00:00:00Z", expected: "2026-01-01T02:00:00.000Z" },
    { spec: "CRON_TZ=America/New_York 0 9 * * 1", after: "2026-01-01T00:00:00Z", expected: "2026-01-05T14:00:00.000Z" },
    { spec: "@daily", after: "2026-01-01T12:00:00Z", expected: "2026-01-02T00:00:00.000Z" },
  ])("$spec after $after → $expected", ({ spec, after, expected }) => {
    expect(new Date(nextCronSlotMs(spec, at(after))).toISOString()).toBe(expected);
  });

  it("splits a TZ prefix and defaults to UTC", () => {
    expect(parseCronSpec("TZ=Europe/Berlin 0 3 * * *")).toEqual({ timezone: "Europe/Berlin", pattern: "0 3 * * *" });
    expect(parseCronSpec("*/5 * * * *")).toEqual({ timezone: "UTC", pattern: "*/5 * * * *" });
  });

  it("reports an unparsable expression", () => {
    expect(cronError("not a cron")).toBeTypeOf("string");
    expect(cronError("*/5 * * * *")).toBeUndefined();
  });
});
