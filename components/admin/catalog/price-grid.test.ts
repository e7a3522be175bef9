import { describe, expect, it } from "vitest";
import { gridToState, stateToGrid } from "./price-grid";

const currencies = [{ code: "USD", isDefault: true }, { code: "JPY", isDefault: false }];

describe("price grid form state", () => {
  it("turns typed amounts into cells in minor units, empty prices left out, empty setup fee 0", () => {
    const { cells, errors } = stateToGrid(
      { "USD:MONTHLY": { amount: "14.99", setupFee: "10" }, "USD:ANNUALLY": { amount: "149.90", setupFee: "" }, "JPY:MONTHLY": { amount: "1,500", setupFee: "" }, "USD:QUARTERLY": { amount: " ", setupFee: "" } },
      currencies,
    );
    expect(errors).toEqual({});
    expect(cells).toEqual([
      { currency: "USD", cycle: "MONTHLY", amountCents: 1_499, setupFeeCents: 1_000 },
      { currency: "USD", cycle: "ANNUALLY", amountCents: 14_990, setupFeeCents: 0 },
      { currency: "JPY", cycle: "MONTHLY", amountCents: 1_500, setupFeeCents: 0 },
    ]);
  });

  it("names each bad cell: too many decimals, text, a setup fee without a price", () => {
    const { cells, errors } = stateToGrid({ "USD:MONTHLY": { amount: "1.999", setupFee: "" }, "JPY:MONTHLY": { amount: "15.5", setupFee: "" }, "USD:ANNUALLY": { amount: "", setupFee: "5" } }, currencies);
    expect(cells).toEqual([]);
    expect(errors).toEqual({
      "USD:MONTHLY": "Monthly USD: enter amounts such as 9.99.",
      "USD:ANNUALLY": "Annually USD: enter a price for the setup fee, or clear it.",
      "JPY:MONTHLY": "Monthly JPY: enter amounts such as 9.99.",
    });
  });

  it("round-trips stored cells", () => {
    const cells = [{ currency: "USD", cycle: "MONTHLY" as const, amountCents: 599, setupFeeCents: 0 }];
    expect(stateToGrid(gridToState(cells), currencies).cells).toEqual(cells);
  });
});
