import type { TBillingCycle } from "@/lib/billing-cycles";
import type { TPlaceOrderInput, TWhoisFields } from "@/server/orders/checkout.schemas";

/** The cart as the checkout page resolved it on the server (prices from the catalog, never from the browser). */
export type TCheckoutCart = {
  currency: string;
  /** A domain is in the cart: Order Summary asks for the WHOIS contact. */
  hasDomain: boolean;
  subtotalCents: number;
  lines: {
    key: string;
    productId: string;
    addonIds?: readonly string[];
    options?: Readonly<Record<string, string>>;
    productName: string;
    cycle: TBillingCycle;
    amountCents: number;
    setupFeeCents: number;
  }[];
};

/** The Order Summary form's values: the checkout schema's contact fields, as the browser holds them (all strings). */
export type TContactValues = Required<Omit<TPlaceOrderInput, "items" | "paymentMethod" | "currency" | "language" | "acceptTos" | keyof TWhoisFields>>;

/** The WHOIS contact's own fields (when "Use different data" is chosen). */
export type TWhoisValues = Required<Omit<TWhoisFields, "whoisSameAsPrimary">>;

export const WHOIS_FIELD_ORDER: readonly (keyof TWhoisValues)[] = [
  "whoisCompany", "whoisFirstName", "whoisLastName", "whoisEmail", "whoisAddress1", "whoisCity", "whoisState", "whoisZip", "whoisCountry", "whoisPhone",
];

export const EMPTY_WHOIS: TWhoisValues = {
  whoisCompany: "", whoisFirstName: "", whoisLastName: "", whoisEmail: "", whoisAddress1: "", whoisCity: "", whoisState: "", whoisZip: "", whoisCountry: "US", whoisPhone: "",
};

export type TFieldErrors = Partial<Record<string, string[]>>;

/** The order of the form fields, so focus goes to the first one with an error. */
export const CONTACT_FIELD_ORDER: readonly (keyof TContactValues)[] = [
  "company",
  "firstName",
  "lastName",
  "email",
  "address1",
  "address2",
  "city",
  "state",
  "zip",
  "country",
  "phone",
  "vatNumber",
  "promoCode",
  "password",
  "confirmPassword",
];

export const EMPTY_CONTACT: TContactValues = {
  company: "",
  firstName: "",
  lastName: "",
  email: "",
  address1: "",
  address2: "",
  city: "",
  state: "",
  zip: "",
  country: "US",
  phone: "",
  vatNumber: "",
  promoCode: "",
  password: "",
  confirmPassword: "",
};

export const fieldId = (name: string) => `checkout-${name}`;

/** Field errors and message of a tRPC error (zod errors and AppError field errors arrive in the same shape). */
export const readTrpcError = (error: { message: string; data?: unknown }) => {
  const data = error.data as { fieldErrors?: TFieldErrors | null; appErrorCode?: string | null } | null | undefined;
  return { message: error.message, fieldErrors: data?.fieldErrors ?? {}, isEmailTaken: data?.appErrorCode === "EMAIL_TAKEN" };
};
