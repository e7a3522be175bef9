import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the stand-in answers for a number: registered, not registered, or the member state is down. */
export type ViesFixture = { valid: true; name?: string; address?: string } | { valid: false } | "MS_UNAVAILABLE";

/** One request as received, body parsed. */
export type ViesRequest = { path: string; body: Record<string, unknown> };

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

/**
 * The VIES REST API on 127.0.0.1 (integrations.md §6.1, §9): `POST /check-vat-number` with
 * `{ countryCode, vatNumber, requesterMemberStateCode?, requesterNumber? }`, answering like the Commission's
 * service: `valid`, `requestDate`, `name`/`address` ("---" when undisclosed) and a `requestIdentifier` (the
 * consultation number) only when a requester is given; `MS_UNAVAILABLE` as a 200 body with `userError`, and
 * malformed input as a 400 `errorWrappers` body. Numbers are keyed with their VIES prefix (EL for Greece).
 * Control: `fixtures`, `delayMs` (for timeouts), `isServiceDown` (HTTP 503), and the recorded `requests`.
 * `port` fixes the port when the app runs as another process (e2e: scripts/e2e.mjs points VIES_URL at it).
 */
export const startViesStandIn = async (initialFixtures: Record<string, ViesFixture> = {}, { port = 0 }: { port?: number } = {}) => {
  const state = {
    fixtures: new Map(Object.entries(initialFixtures)),
    requests: [] as ViesRequest[],
    delayMs: 0,
    isServiceDown: false,
    consultations: 0,
  };
  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    const body = (() => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        return null;
      }
    })();
    state.requests.push({ path: request.url ?? "", body: body ?? {} });
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (request.method !== "POST" || request.url !== "/check-vat-number") return send(response, 404, { error: "Not found" });
    if (state.isServiceDown) return send(response, 503, { actionSucceed: false, errorWrappers: [{ error: "SERVICE_UNAVAILABLE" }] });
    const countryCode = typeof body?.countryCode === "string" ? body.countryCode : "";
    const vatNumber = typeof body?.vatNumber === "string" ? body.vatNumber : "";
    if (!/^[A-Z]{2}$/.test(countryCode) || !/^[0-9A-Z+*]{2,12}$/.test(vatNumber)) {
      return send(response, 400, { actionSucceed: false, errorWrappers: [{ error: "INVALID_INPUT", message: "The provided CountryCode is invalid or the VAT number is empty" }] });
    }
    const requestDate = new Date().toISOString();
    const fixture = state.fixtures.get(`${countryCode}${vatNumber}`) ?? { valid: false };
    if (fixture === "MS_UNAVAILABLE") {
      return send(response, 200, { countryCode, vatNumber, requestDate, valid: false, userError: "MS_UNAVAILABLE", name: "---", address: "---" });
    }
    const hasRequester = typeof body?.requesterMemberStateCode === "string" && typeof body?.requesterNumber === "string";
    state.consultations += hasRequester ? 1 : 0;
    return send(response, 200, {
      countryCode,
      vatNumber,
      requestDate,
      valid: fixture.valid,
      ...(hasRequester ? { requestIdentifier: `WAPIAAAA${String(state.consultations).padStart(8, "0")}` } : {}),
      name: fixture.valid ? (fixture.name ?? "---") : "---",
      address: fixture.valid ? (fixture.address ?? "---") : "---",
      traderName: "---",
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    state,
    setFixture: (prefixedNumber: string, fixture: ViesFixture) => state.fixtures.set(prefixedNumber, fixture),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};

export type ViesStandIn = Awaited<ReturnType<typeof startViesStandIn>>;
