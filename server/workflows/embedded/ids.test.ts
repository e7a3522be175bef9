import { decodeTime } from "ulid";
import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("is a 26-character ULID carrying the given time, and unique", () => {
    const at = Date.parse("2026-01-01T00:00:00Z");
    const ids = Array.from({ length: 2_000 }, () => newId(at));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(decodeTime(id)).toBe(at);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(newId(at + 1) > newId(at)).toBe(true);
  });
});
