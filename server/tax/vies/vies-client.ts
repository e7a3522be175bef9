import { z } from "zod";
import { toViesCountryCode } from "../eu-vat-rates";

/** The European Commission's VIES REST API; VIES_URL points elsewhere (the stand-in in tests). */
export const DEFAULT_VIES_URL = "https://ec.europa.eu/taxation_customs/vies/rest-api";
const DEFAULT_TIMEOUT_MS = 8_000;

const ZCheckResponse = z.object({
  valid: z.boolean().optional(),
  userError: z.string().optional(),
  requestDate: z.string().optional(),
  requestIdentifier: z.string().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
  errorWrappers: z.array(z.object({ error: z.string() })).optional(),
});

export type TViesAnswer = {
  status: "VALID" | "INVALID" | "UNAVAILABLE";
  consultationNumber: string | null;
  errorCode: string | null;
  traderName: string | null;
  traderAddress: string | null;
};

export type TViesConfig = { url: string; timeoutMs: number };

/** VIES_URL and VIES_TIMEOUT_MS, read at call time so a test (or a restart) can point elsewhere. */
export const viesConfigFromEnv = (): TViesConfig => {
  const timeout = Number(process.env.VIES_TIMEOUT_MS);
  return { url: process.env.VIES_URL || DEFAULT_VIES_URL, timeoutMs: Number.isInteger(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS };
};

const undisclosed = (value: string | undefined) => (value && value.trim() !== "---" ? value.trim() : null);
const unavailable = (errorCode: string): TViesAnswer => ({ status: "UNAVAILABLE", consultationNumber: null, errorCode, traderName: null, traderAddress: null });

/**
 * One `POST {VIES_URL}/check-vat-number`. Countries are ISO on our side; Greece goes out as EL. The
 * requester (our own VAT number) makes VIES return a consultation number, the evidence we keep. Anything
 * that is not a definite answer (timeout, 5xx, MS_UNAVAILABLE, concurrency limits) is UNAVAILABLE, never INVALID.
 */
export const checkVatNumberWithVies = async (
  { country, number, requesterVatNumber }: { country: string; number: string; requesterVatNumber: string },
  config: TViesConfig = viesConfigFromEnv(),
): Promise<TViesAnswer> => {
  const requester = /^([A-Z]{2})([0-9A-Z]+)$/.exec(requesterVatNumber);
  let response: Response;
  try {
    response = await fetch(`${config.url.replace(/\/$/, "")}/check-vat-number`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        countryCode: toViesCountryCode(country),
        vatNumber: number,
        ...(requester ? { requesterMemberStateCode: requester[1], requesterNumber: requester[2] } : {}),
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    return unavailable(error instanceof DOMException && error.name === "TimeoutError" ? "TIMEOUT" : "NETWORK_ERROR");
  }
  let body: z.infer<typeof ZCheckResponse>;
  try {
    body = ZCheckResponse.parse(await response.json());
  } catch {
    return unavailable(`HTTP_${response.status}`);
  }
  const errorCode = body.errorWrappers?.[0]?.error ?? (body.userError && !["VALID", "INVALID"].includes(body.userError) ? body.userError : null);
  // NOTE: every VIES error but INVALID_INPUT (MS_UNAVAILABLE, SERVICE_UNAVAILABLE, TIMEOUT, the *_MAX_CONCURRENT_REQ
  // limits) says "no answer now", so it is UNAVAILABLE and re-checked later (integrations.md §6.1).
  if (errorCode === "INVALID_INPUT") return { ...unavailable(errorCode), status: "INVALID" };
  if (errorCode || !response.ok || body.valid === undefined) return unavailable(errorCode ?? `HTTP_${response.status}`);
  return {
    status: body.valid ? "VALID" : "INVALID",
    consultationNumber: body.requestIdentifier?.trim() || null,
    errorCode: null,
    traderName: undisclosed(body.name),
    traderAddress: undisclosed(body.address),
  };
};
