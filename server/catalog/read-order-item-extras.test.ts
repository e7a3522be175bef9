import { describe, expect, it } from "vitest";
import { readOrderItemExtras } from "./read-order-item-extras";

describe("readOrderItemExtras", () => {
  it("lists add-on names and option choices", () => {
    expect(readOrderItemExtras({ addons: [{ name: "Daily Backups", amountCents: 200 }], options: [{ name: "Extra Storage", value: "GB × 20", quantity: 20 }] })).toEqual({
      addons: ["Daily Backups"],
      options: ["Extra Storage: GB × 20"],
    });
  });

  it("reads older items ({}) and anything malformed as no extras", () => {
    expect(readOrderItemExtras({})).toEqual({ addons: [], options: [] });
    expect(readOrderItemExtras(null)).toEqual({ addons: [], options: [] });
    expect(readOrderItemExtras({ addons: "oops" })).toEqual({ addons: [], options: [] });
  });
});
