import "server-only";
import { type ZodType, z } from "zod";
import { authenticateApiKey, type TApiKeyPrincipal } from "@/server/api-keys/authenticate-api-key";
import { now } from "@/server/clock";
import type { TPermission } from "@/server/staff/permissions";
import { limitRouteRequest, type TRateLimitPolicy } from "@/server/security/rate-limit";
import { apiErrorResponse } from "./api-error";

/**
 * One endpoint of the public REST API (/api/v1): its route, who may call it, and the zod schemas of its body
 * and answer — the same schemas the procedures and use cases validate with, and the source of the OpenAPI
 * document (openapi-document.ts), so the documentation cannot drift from what the endpoint accepts.
 */
export type TEndpoint<TBody, TOutput, TQuery = undefined> = {
  method: "GET" | "POST";
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  /** "public": anyone, rate-limited per IP; "api-key": any valid key; a permission: a key whose role holds it. */
  access: "public" | "api-key" | TPermission;
  body?: ZodType<TBody>;
  /** The query string's parameters (GET), each a string as sent; an object schema of them. */
  query?: ZodType<TQuery>;
  /** The rate limit per key or IP; the public API's by default. */
  rateLimit?: () => TRateLimitPolicy;
  output: ZodType<TOutput>;
  handle: (context: { body: TBody; query: TQuery; apiKey: TApiKeyPrincipal | null; request: Request }) => Promise<TOutput>;
};

export const defineEndpoint = <TBody, TOutput, TQuery = undefined>(endpoint: TEndpoint<TBody, TOutput, TQuery>) => endpoint;

const readJsonBody = async (request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> => {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false };
  }
};

/**
 * The Next route handler of an endpoint: authenticates the key, applies the rate limit (per key, or per IP
 * when public), validates the body, runs the handler and answers JSON; every refusal in the error envelope of
 * api-error.ts. The answer is parsed with the output schema too, so nothing outside it is ever sent.
 */
export const routeHandler =
  <TBody, TOutput, TQuery>(endpoint: TEndpoint<TBody, TOutput, TQuery>) =>
  async (request: Request): Promise<Response> => {
    try {
      const apiKey = await authenticateApiKey(request, now());
      if (!apiKey && endpoint.access !== "public") {
        return Response.json(
          { error: { code: "UNAUTHORIZED", message: "A valid API key is required: Authorization: Bearer hl_live_…" } },
          { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="hostlane"' } },
        );
      }
      const limited = await limitRouteRequest(request, { key: apiKey ? `key:${apiKey.apiKeyId}` : undefined, ...(endpoint.rateLimit ? { policy: endpoint.rateLimit() } : {}) });
      if (limited) return limited;
      if (apiKey && endpoint.access !== "public" && endpoint.access !== "api-key" && !apiKey.permissions.has(endpoint.access)) {
        return Response.json({ error: { code: "FORBIDDEN", message: `This API key's role lacks the permission this needs (${endpoint.access}).` } }, { status: 403 });
      }
      let body = undefined as TBody;
      if (endpoint.body) {
        const json = await readJsonBody(request);
        if (!json.ok) return Response.json({ error: { code: "INVALID_INPUT", message: "The request body is not valid JSON.", fields: {} } }, { status: 400 });
        body = endpoint.body.parse(json.value);
      }
      const query = (endpoint.query ? endpoint.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined) as TQuery;
      const output = await endpoint.handle({ body, query, apiKey, request });
      return Response.json(endpoint.output.parse(output));
    } catch (error) {
      return apiErrorResponse(error);
    }
  };

/** The shape of every error answer, for the OpenAPI document. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string().meta({ description: "A stable code: INVALID_INPUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, …" }),
    message: z.string().meta({ description: "What went wrong, for people." }),
    fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Field path → messages, for invalid input." }),
  }),
});
