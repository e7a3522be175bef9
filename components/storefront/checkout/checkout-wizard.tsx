"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format-date";
import { formatMoney } from "@/lib/format-money";
import { useTRPC } from "@/lib/trpc/client";
import { ZNewPassword } from "@/server/auth/password-policy";
import { clearCartAction } from "@/server/cart/cart-actions";
import type { TOrderingAccount } from "@/server/orders/ordering-account";
import type { AppRouter } from "@/server/trpc/root";
import { CheckoutProgress } from "./checkout-progress";
import {
  CONTACT_FIELD_ORDER,
  EMPTY_CONTACT,
  EMPTY_WHOIS,
  WHOIS_FIELD_ORDER,
  fieldId,
  readTrpcError,
  type TCheckoutCart,
  type TContactValues,
  type TFieldErrors,
  type TWhoisValues,
} from "./checkout-types";
import { WhoisContactFields } from "./whois-contact-fields";
import { ContactFields } from "./contact-fields";
import { OrderLinesTable } from "./order-lines-table";

type TCheckoutOutputs = inferRouterOutputs<AppRouter>["checkout"];
type TQuote = TCheckoutOutputs["quote"];
type TPlaced = TCheckoutOutputs["placeOrder"];

type TStep =
  | { name: "summary" }
  | { name: "details"; quote: TQuote }
  | { name: "processing"; quote: TQuote }
  | { name: "placed"; placed: TPlaced; isSignedIn: boolean };

/**
 * The order process of seed 002 after Order Contents: Order Summary → "Continue" → Order Details →
 * "Place Order" → Processing Order → Your Order Has Been Placed. The server validates at each step; what the
 * browser shows is never what gets charged (placeOrder re-prices everything). A signed-in client (`account`)
 * enters no contact: the order goes to its account, priced in the account's currency with its tax status.
 */
export const CheckoutWizard = ({ cart, account, promoCode }: { cart: TCheckoutCart; account: TOrderingAccount | null; promoCode: string }) => {
  const t = useTranslations("Checkout");
  const tCommon = useTranslations("Common");
  const tStorefront = useTranslations("Storefront");
  const locale = useLocale();
  const money = (cents: number, currency = cart.currency) => formatMoney(cents, currency, locale);
  const trpc = useTRPC();
  const router = useRouter();
  const [step, setStep] = useState<TStep>({ name: "summary" });
  // The promo code applied on the cart page, if any, fills the Promo Code field.
  const [values, setValues] = useState<TContactValues>({ ...EMPTY_CONTACT, promoCode });
  const [isWhoisSame, setIsWhoisSame] = useState(true);
  const [whois, setWhois] = useState<TWhoisValues>(EMPTY_WHOIS);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [isEmailTaken, setIsEmailTaken] = useState(false);
  const [hasAcceptedTos, setHasAcceptedTos] = useState(false);
  // Account Credit exists only for a signed-in client's account that holds some.
  const [paymentMethod, setPaymentMethod] = useState<TPaymentMethod>("BANK_TRANSFER");
  const [tosError, setTosError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasStepChanged = useRef(false);

  const guestQuote = useMutation(trpc.checkout.quote.mutationOptions());
  const guestPlaceOrder = useMutation(trpc.checkout.placeOrder.mutationOptions());
  const clientQuote = useMutation(trpc.checkout.quoteForClient.mutationOptions());
  const clientPlaceOrder = useMutation(trpc.checkout.placeOrderForClient.mutationOptions());
  const isPricing = guestQuote.isPending || clientQuote.isPending;
  const isPlacing = guestPlaceOrder.isPending || clientPlaceOrder.isPending;

  const items = cart.lines.map(({ productId, cycle, addonIds, options }) => ({ productId, cycle, addonIds: addonIds ? [...addonIds] : undefined, options }));
  // The WHOIS contact only matters with a domain in the cart; otherwise "the same data" is sent.
  const whoisInput = () => (cart.hasDomain && !isWhoisSame ? { whoisSameAsPrimary: false, ...whois } : { whoisSameAsPrimary: true });
  const clientInput = () => ({ items, paymentMethod, promoCode: values.promoCode, ...whoisInput() });
  // The guest's new account keeps the language and currency they ordered in.
  const orderInput = () => ({ ...values, items, currency: cart.currency, language: locale, paymentMethod: "BANK_TRANSFER" as const, ...whoisInput() });
  // NOTE: "Continue" never sends the password: the quote does not need it. The same rule placeOrder applies
  // is checked here, so a weak or mistyped password is caught before the customer moves on.
  const quoteInput = () => {
    const { password: _password, confirmPassword: _confirmPassword, ...contact } = values;
    return { ...contact, items, currency: cart.currency, language: locale, paymentMethod: "BANK_TRANSFER" as const, ...whoisInput() };
  };
  const passwordErrors = (): TFieldErrors => {
    const parsed = ZNewPassword.safeParse(values.password);
    if (!parsed.success) return { password: parsed.error.issues.map((issue) => issue.message) };
    return values.password === values.confirmPassword ? {} : { confirmPassword: [t("passwordsDoNotMatch")] };
  };

  // Moves focus to the new step's heading, so screen readers announce where the customer is now.
  // Not on the first render: a page load keeps the browser's own focus handling.
  useEffect(() => {
    if (!hasStepChanged.current) {
      hasStepChanged.current = true;
      return;
    }
    headingRef.current?.focus();
  }, [step.name]);

  // After a refused "Continue", focus the first field with an error (its message is read with it).
  useEffect(() => {
    if (focusRequest === 0) return;
    const firstInvalid = [...CONTACT_FIELD_ORDER, ...WHOIS_FIELD_ORDER].find((name) => errors[name]?.length);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
    }
  }, [focusRequest, errors]);

  const showErrors = (error: { message: string; data?: unknown }) => {
    const { message, fieldErrors, isEmailTaken: taken } = readTrpcError(error);
    setErrors(fieldErrors);
    setIsEmailTaken(taken);
    const itemsMessage = fieldErrors.items?.[0];
    const hasFieldErrors = [...CONTACT_FIELD_ORDER, ...WHOIS_FIELD_ORDER].some((name) => fieldErrors[name]?.length);
    setFormMessage(itemsMessage ?? (hasFieldErrors ? t("correctHighlightedFields") : message));
    setFocusRequest((count) => count + 1);
  };

  const onContinue = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormMessage(null);
    setIsEmailTaken(false);
    const localErrors = account ? {} : passwordErrors();
    const priceOrder = (callbacks: { onSuccess: (priced: TQuote) => void; onError: (error: { message: string; data?: unknown }) => void }) =>
      account ? clientQuote.mutate(clientInput(), callbacks) : guestQuote.mutate(quoteInput(), callbacks);
    priceOrder({
      onSuccess: (priced) => {
        if (Object.keys(localErrors).length) {
          showErrors({ message: t("correctHighlightedFields"), data: { fieldErrors: localErrors } });
          return;
        }
        setErrors({});
        setStep({ name: "details", quote: priced });
      },
      onError: (error) => {
        const data = (error.data ?? {}) as { fieldErrors?: TFieldErrors | null };
        showErrors({ message: error.message, data: { ...data, fieldErrors: { ...localErrors, ...data.fieldErrors } } });
      },
    });
  };

  const onPlaceOrder = async (event: FormEvent<HTMLFormElement>, shownQuote: TQuote) => {
    event.preventDefault();
    if (!hasAcceptedTos) {
      setTosError(t("acceptTosError"));
      document.getElementById(fieldId("acceptTos"))?.focus();
      return;
    }
    setTosError(null);
    setFormMessage(null);
    setStep({ name: "processing", quote: shownQuote });
    try {
      if (account) {
        const placed = await clientPlaceOrder.mutateAsync({ ...clientInput(), acceptTos: true });
        await clearCartAction().catch(() => undefined);
        setValues(EMPTY_CONTACT);
        setStep({ name: "placed", placed, isSignedIn: true });
        router.refresh();
        return;
      }
      const placed = await guestPlaceOrder.mutateAsync({ ...orderInput(), acceptTos: true });
      // NOTE: the order is placed whatever happens below; a failed sign-in or cart cleanup only changes the
      // confirmation text, never the outcome.
      const signInResult = await signIn("client", { email: values.email, password: values.password, redirect: false }).catch(() => null);
      await clearCartAction().catch(() => undefined);
      setValues(EMPTY_CONTACT);
      setStep({ name: "placed", placed, isSignedIn: Boolean(signInResult?.ok && !signInResult.error) });
      router.refresh();
    } catch (error) {
      const { message, fieldErrors } = readTrpcError(error as { message: string; data?: unknown });
      if (fieldErrors.acceptTos?.length) {
        setTosError(fieldErrors.acceptTos[0] ?? t("acceptTosError"));
        setStep({ name: "details", quote: shownQuote });
        return;
      }
      const hasContactErrors = [...CONTACT_FIELD_ORDER, ...WHOIS_FIELD_ORDER].some((name) => fieldErrors[name]?.length) || Boolean(fieldErrors.items?.length);
      if (hasContactErrors) {
        showErrors(error as { message: string; data?: unknown });
        setStep({ name: "summary" });
        return;
      }
      setFormMessage(message);
      setStep({ name: "details", quote: shownQuote });
    }
  };

  const heading = (text: string) => (
    <h1 ref={headingRef} tabIndex={-1} className="mb-6 text-2xl font-bold tracking-tight text-slate-900 focus:outline-none">
      {text}
    </h1>
  );

  if (step.name === "processing") {
    return (
      <>
        <CheckoutProgress current="orderDetails" />
        {heading(t("processingOrder"))}
        <Card>
          <div role="status" aria-live="polite" className="flex flex-col items-center gap-4 py-6 text-center">
            <span aria-hidden className="size-10 animate-spin rounded-full border-4 border-brand-100 border-t-brand-600" />
            <progress aria-label={t("processingYourOrder")} className="h-2 w-64 max-w-full" />
            <p className="max-w-md text-sm text-slate-700">{t("processingExplanation")}</p>
          </div>
        </Card>
      </>
    );
  }

  if (step.name === "placed") {
    const { placed, isSignedIn } = step;
    return (
      <>
        <CheckoutProgress current="orderPlaced" />
        {heading(t("steps.orderPlaced"))}
        <Card>
          <div className="space-y-4">
            <Alert tone="success">
              {account ? t("thankYouExistingAccount") : t("thankYouNewAccount")}
            </Alert>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-600">{t("orderNumber")}</dt>
              <dd className="text-slate-900">#{placed.orderNumber}</dd>
              <dt className="font-medium text-slate-600">{t("invoiceNumber")}</dt>
              <dd className="text-slate-900">{placed.invoiceNumber}</dd>
              <dt className="font-medium text-slate-600">{tCommon("total")}</dt>
              <dd className="font-semibold text-slate-900">{money(placed.totalCents, placed.currency)}</dd>
              <dt className="font-medium text-slate-600">{t("dueDate")}</dt>
              <dd className="text-slate-900">{formatDate(placed.dueAt, locale)}</dd>
              <dt className="font-medium text-slate-600">{t("paymentMethod")}</dt>
              <dd className="text-slate-900">
                {placed.isPaid ? t("accountCreditPaid") : t("bankTransferReference", { invoiceNumber: placed.invoiceNumber })}
              </dd>
            </dl>
            {isSignedIn ? (
              <ButtonLink href="/client">{t("goToClientArea")}</ButtonLink>
            ) : (
              <p className="text-sm text-slate-700">
                {t.rich("signInWithNewAccount", {
                  link: (chunks) => (
                    <Link href="/login" className="font-medium text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            )}
          </div>
        </Card>
      </>
    );
  }

  if (step.name === "details") {
    const shownQuote = step.quote;
    return (
      <>
        <CheckoutProgress current="orderDetails" />
        {heading(t("steps.orderDetails"))}
        <form method="post" onSubmit={(event) => void onPlaceOrder(event, shownQuote)} noValidate className="space-y-6">
          {formMessage && <Alert tone="error">{formMessage}</Alert>}
          <Card title={t("finalSummary")}>
            <OrderLinesTable quote={shownQuote} />
          </Card>
          <Card title={t("primaryContactInformation")}>
            {account ? (
              <OrderingAccountSummary account={account} />
            ) : (
              <p className="text-sm text-slate-700">
                {values.firstName} {values.lastName} · {values.email}
                <br />
                {values.address1}
                {values.address2 && `, ${values.address2}`}, {values.city}, {values.state} {values.zip}, {values.country}
              </p>
            )}
            <p className="mt-2 text-sm text-slate-700">{t("paymentMethodChosen", { method: paymentMethod === "ACCOUNT_CREDIT" ? t("accountCredit") : t("bankTransfer") })}</p>
          </Card>
          <div className="space-y-1">
            <div className="flex items-start gap-3">
              <input
                id={fieldId("acceptTos")}
                type="checkbox"
                checked={hasAcceptedTos}
                onChange={(event) => {
                  setHasAcceptedTos(event.target.checked);
                  if (event.target.checked) setTosError(null);
                }}
                aria-invalid={tosError ? true : undefined}
                aria-describedby={tosError ? `${fieldId("acceptTos")}-error` : undefined}
                className="mt-0.5 size-4 accent-brand-600"
              />
              <label htmlFor={fieldId("acceptTos")} className="text-sm font-medium text-slate-800">
                {t("acceptTos")}
              </label>
            </div>
            {tosError && (
              <p id={`${fieldId("acceptTos")}-error`} role="alert" className="text-sm text-red-600">
                {tosError}
              </p>
            )}
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={() => setStep({ name: "summary" })}>
              {t("back")}
            </Button>
            <Button type="submit" isPending={isPlacing}>
              {t("placeOrder")}
            </Button>
          </div>
        </form>
      </>
    );
  }

  if (cart.lines.length === 0) {
    return (
      <>
        {heading(t("steps.orderSummary"))}
        <EmptyState title={tStorefront("cartEmpty")}>
          <Link href="/" className="font-medium text-brand-700 underline">
            {tStorefront("browseProducts")}
          </Link>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <CheckoutProgress current="orderSummary" />
      {heading(t("steps.orderSummary"))}
      {/* NOTE: method="post" so a submit before hydration never puts the password into the URL. */}
      <form method="post" onSubmit={onContinue} noValidate className="space-y-6">
        {account && !account.canOrder && (
          <Alert tone="error">{t("cannotOrder")}</Alert>
        )}
        {formMessage && (
          <Alert tone="error">
            {formMessage}
            {isEmailTaken && (
              <>
                {" "}
                <Link href="/login" className="font-medium underline">
                  {t("signInToClientArea")}
                </Link>
              </>
            )}
          </Alert>
        )}
        <Card title={t("yourOrder")}>
          <ul className="divide-y divide-slate-100 text-sm">
            {cart.lines.map((line) => (
              <li key={line.key} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {line.productName} <span className="text-slate-600">({tCommon(`cycles.${line.cycle}`)})</span>
                  {line.setupFeeCents > 0 && (
                    <span className="block text-slate-600">{tCommon("setupFee")} {money(line.setupFeeCents)}</span>
                  )}
                </span>
                <span className="tabular-nums">{money(line.amountCents)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 font-semibold">
            <span>{tCommon("subtotal")}</span>
            <span className="tabular-nums">{money(cart.subtotalCents)}</span>
          </p>
          <p className="mt-1 text-xs text-slate-600">{t("taxesNextStep")}</p>
        </Card>
        <Card title={t("primaryContactInformation")}>
          {account ? (
            <div className="space-y-4">
              <OrderingAccountSummary account={account} />
              <TextField
                id={fieldId("promoCode")}
                label={t("fields.promoCode")}
                name="promoCode"
                hint={t("fields.promoCodeHint")}
                autoComplete="off"
                value={values.promoCode}
                error={errors.promoCode?.[0]}
                onChange={(event) => setValues((current) => ({ ...current, promoCode: event.target.value }))}
              />
            </div>
          ) : (
            <ContactFields
              values={values}
              errors={errors}
              onChange={(name, value) => {
                setValues((current) => ({ ...current, [name]: value }));
                if (errors[name]) setErrors((current) => ({ ...current, [name]: undefined }));
              }}
            />
          )}
        </Card>
        {cart.hasDomain && (
          <Card title={t("whoisContact")}>
            <WhoisContactFields
              isSameAsPrimary={isWhoisSame}
              onSameAsPrimaryChange={setIsWhoisSame}
              values={whois}
              errors={errors}
              onChange={(name, value) => {
                setWhois((current) => ({ ...current, [name]: value }));
                if (errors[name]) setErrors((current) => ({ ...current, [name]: undefined }));
              }}
            />
          </Card>
        )}
        <Card title={t("paymentMethod")}>
          <fieldset>
            <legend className="sr-only">{t("paymentMethod")}</legend>
            <div className="space-y-3">
              <PaymentMethodOption value="BANK_TRANSFER" chosen={paymentMethod} onChoose={setPaymentMethod} name={t("bankTransfer")} hint={t("bankTransferHint")} />
              {account && account.creditBalanceCents > 0 && (
                <PaymentMethodOption
                  value="ACCOUNT_CREDIT"
                  chosen={paymentMethod}
                  onChoose={setPaymentMethod}
                  name={t("accountCredit")}
                  hint={t("accountCreditHint", { balance: money(account.creditBalanceCents) })}
                />
              )}
            </div>
            {errors.paymentMethod?.[0] && (
              <p id={`${fieldId("paymentMethod")}-error`} role="alert" className="mt-2 text-sm text-red-600">
                {errors.paymentMethod[0]}
              </p>
            )}
          </fieldset>
        </Card>
        <div className="flex flex-wrap justify-end gap-3">
          <ButtonLink href="/cart" variant="secondary">
            {t("backToOrderContents")}
          </ButtonLink>
          <Button type="submit" isPending={isPricing} disabled={account ? !account.canOrder : false}>
            {t("continue")}
          </Button>
        </div>
      </form>
    </>
  );
};

type TPaymentMethod = "BANK_TRANSFER" | "ACCOUNT_CREDIT";

/** One choice of "Payment Method": a radio with the method's name and what it means. */
const PaymentMethodOption = ({ value, chosen, onChoose, name, hint }: { value: TPaymentMethod; chosen: TPaymentMethod; onChoose: (method: TPaymentMethod) => void; name: string; hint: string }) => (
  <label className="flex items-center gap-3 text-sm">
    <input type="radio" name="paymentMethod" value={value} checked={chosen === value} onChange={() => onChoose(value)} className="size-4 accent-brand-600" />
    <span>
      <span className="font-medium text-slate-900">{name}</span>
      <span className="block text-slate-600">{hint}</span>
    </span>
  </label>
);

/** The signed-in client's account on Order Summary and Order Details, in place of the contact fields. */
const OrderingAccountSummary = ({ account }: { account: TOrderingAccount }) => {
  const t = useTranslations("Checkout");
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        {t.rich("orderingAs", {
          name: account.name,
          email: account.email,
          account: account.accountLabel,
          strong: (chunks) => <strong className="text-slate-900">{chunks}</strong>,
        })}
      </p>
      <p>
        {t("accountTerms", { country: account.billingCountry, currency: account.currency })}
        {account.taxId && ` · ${t("taxIdValue", { taxId: account.taxId })}`}
      </p>
    </div>
  );
};
