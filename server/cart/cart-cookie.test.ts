import { describe, expect, it } from "vitest";
import { MAX_CART_ITEMS, parseCartCookie, serializeCartCookie } from "./cart-cookie";

describe("cart cookie", () => {
  it("round-trips product/cycle references and nothing else", () => {
    const value = serializeCartCookie([{ productId: "p1", cycle: "MONTHLY" }, { productId: "p2", cycle: "ANNUALLY" }]);
    expect(parseCartCookie(value)).toEqual([
      { productId: "p1", cycle: "MONTHLY" },
      { productId: "p2", cycle: "ANNUALLY" },
    ]);
  });

  it("round-trips chosen add-ons and options, and leaves empty ones out", () => {
    const value = serializeCartCookie([
      { productId: "p1", cycle: "MONTHLY", addonIds: ["backups"], options: { os: "linux", storage: "20" } },
      { productId: "p2", cycle: "MONTHLY", addonIds: [], options: {} },
    ]);
    expect(parseCartCookie(value)).toEqual([
      { productId: "p1", cycle: "MONTHLY", addonIds: ["backups"], options: { os: "linux", storage: "20" } },
      { productId: "p2", cycle: "MONTHLY" },
    ]);
  });

  it.each([
    { label: "missing", value: undefined },
    { label: "not JSON", value: "{oops" },
    { label: "not a list", value: JSON.stringify({ productId: "p1", cycle: "MONTHLY" }) },
    { label: "unknown cycle", value: JSON.stringify([{ productId: "p1", cycle: "WEEKLY" }]) },
  ])("treats a $label cookie as an empty cart", ({ value }) => {
    expect(parseCartCookie(value)).toEqual([]);
  });

  it("ignores extra fields such as a price: amounts always come from the catalog", () => {
    const value = JSON.stringify([{ productId: "p1", cycle: "MONTHLY", amountCents: 1 /* $0.01 */ }]);
    expect(parseCartCookie(value)).toEqual([{ productId: "p1", cycle: "MONTHLY" }]);
  });

  it("keeps at most MAX_CART_ITEMS items", () => {
    const items = Array.from({ length: MAX_CART_ITEMS + 5 }, (_, index) => ({ productId: `p${index}`, cycle: "MONTHLY" as const }));
    expect(parseCartCookie(serializeCartCookie(items))).toHaveLength(MAX_CART_ITEMS);
  });
});
