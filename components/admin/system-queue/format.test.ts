import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateTimeCompact, formatDuration, formatJson } from "./format";

describe("formatDuration", () => {
  it.each([
    { ms: null, expected: "—" },
    { ms: 0, expected: "0 ms" },
    { ms: 350, expected: "350 ms" },
    { ms: 12_400, expected: "12.4 s" },
    { ms: 245_000 /* 4 min 5 s */, expected: "4 min 5 s" },
    { ms: 10_920_000 /* 3 h 2 min */, expected: "3 h 2 min" },
    { ms: 187_200_000 /* 2 d 4 h */, expected: "2 d 4 h" },
  ])("$ms → $expected", ({ ms, expected }) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe("formatDateTime", () => {
  it("shows UTC with a 24-hour clock", () => {
    expect(formatDateTime(new Date("2026-03-01T21:05:09Z"))).toBe("Mar 1, 2026, 21:05:09 UTC");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTimeCompact(new Date("2026-03-01T21:05:09.123Z"))).toBe("2026-03-01 21:05:09");
  });
});

describe("formatJson", () => {
  it("indents and shows missing values as null", () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson(undefined)).toBe("null");
  });
});
