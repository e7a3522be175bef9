import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const STEPS = ["orderContents", "orderSummary", "orderDetails", "orderPlaced"] as const;
export type TCheckoutStepName = (typeof STEPS)[number];

/** Where the customer is in the order process; the current step is announced with aria-current. */
export const CheckoutProgress = ({ current }: { current: TCheckoutStepName }) => {
  const t = useTranslations("Checkout");
  const currentIndex = STEPS.indexOf(current);
  return (
    <nav aria-label={t("progress")} className="mb-6">
      <ol className="flex flex-wrap gap-x-2 gap-y-1 text-sm">
        {STEPS.map((step, index) => (
          <li key={step} className="flex items-center gap-2">
            <span
              aria-current={index === currentIndex ? "step" : undefined}
              className={cn(
                index === currentIndex ? "font-semibold text-brand-700" : index < currentIndex ? "text-slate-700" : "text-slate-500",
              )}
            >
              <span className="sr-only">{index < currentIndex ? `${t("completed")}: ` : ""}</span>
              {t(`steps.${step}`)}
            </span>
            {index < STEPS.length - 1 && (
              <span aria-hidden className="text-slate-300">
                →
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
};
