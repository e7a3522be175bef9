"use client";

import { BILLING_CYCLES, billingCycleLabel } from "@/lib/billing-cycles";
import { cellKey, type TGridCurrency, type TPriceGridState } from "./price-grid";

type PriceGridFieldsProps = {
  /** Names the grid, e.g. "Prices" or "Prices of Windows". */
  legend: string;
  currencies: readonly TGridCurrency[];
  value: TPriceGridState;
  onChange: (next: TPriceGridState) => void;
  errors: Record<string, string>;
  /** A server message about the whole grid (e.g. an unknown currency). */
  error?: string;
};

const INPUT = "w-24 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums aria-invalid:border-red-500";

/**
 * The price grid: one row per billing cycle, a price and a setup fee per currency. Each input is labelled
 * ("Monthly EUR price") for screen readers. Leaving a non-default currency empty converts its price from the
 * default currency at the exchange rate.
 */
export const PriceGridFields = ({ legend, currencies, value, onChange, errors, error }: PriceGridFieldsProps) => {
  const set = (key: string, field: "amount" | "setupFee", text: string) =>
    onChange({ ...value, [key]: { amount: value[key]?.amount ?? "", setupFee: value[key]?.setupFee ?? "", [field]: text } });
  const messages = [...(error ? [error] : []), ...Object.values(errors)];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <p className="text-xs text-slate-500">Leave a price empty when the cycle is not offered; in another currency than the default, an empty price is converted at the exchange rate.</p>
      <div className="overflow-x-auto">
        <table className="text-sm">
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left">Cycle</th>
              {currencies.map((currency) => (
                <th key={currency.code} scope="col" colSpan={2} className="px-2 py-1 text-left">
                  {currency.code} price / setup fee{currency.isDefault ? " (default)" : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {BILLING_CYCLES.map((cycle) => (
              <tr key={cycle}>
                <th scope="row" className="px-2 py-1 text-left font-normal text-slate-700">{billingCycleLabel(cycle)}</th>
                {currencies.map((currency) => {
                  const key = cellKey(currency.code, cycle);
                  const invalid = errors[key] ? true : undefined;
                  return [
                    <td key={`${key}-amount`} className="px-2 py-1">
                      <input aria-label={`${billingCycleLabel(cycle)} ${currency.code} price`} inputMode="decimal" autoComplete="off" aria-invalid={invalid} className={INPUT} value={value[key]?.amount ?? ""} onChange={(event) => set(key, "amount", event.target.value)} />
                    </td>,
                    <td key={`${key}-setup`} className="px-2 py-1">
                      <input aria-label={`${billingCycleLabel(cycle)} ${currency.code} setup fee`} inputMode="decimal" autoComplete="off" aria-invalid={invalid} className={INPUT} value={value[key]?.setupFee ?? ""} onChange={(event) => set(key, "setupFee", event.target.value)} />
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {messages.length > 0 && (
        <ul className="space-y-0.5 text-sm text-red-600">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
};
