import { getTaxSettings } from "@/server/tax/tax-settings";
import { SellerTaxesForm } from "./seller-taxes-form";

/** Settings → Seller and Taxes: who sells (printed on invoices, the home country for EU VAT) and how prices are shown. */
export const SellerTaxesSection = async () => {
  const settings = await getTaxSettings();
  return (
    <section aria-labelledby="seller-taxes" className="space-y-3">
      <h2 id="seller-taxes" className="text-lg font-semibold">Seller and Taxes</h2>
      <p className="text-sm text-slate-600">
        The seller&rsquo;s VAT number is printed on reverse-charge invoices and sent to VIES as the requester, so each check
        returns a consultation number kept as evidence. Tax rules are under Taxes.
      </p>
      <SellerTaxesForm initial={settings} />
    </section>
  );
};
