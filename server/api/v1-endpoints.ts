import "server-only";
import { z } from "zod";
import { defineEndpoint } from "./define-endpoint";

/** GET /api/v1/me — who the API key is. */
export const meEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  summary: "The calling API key",
  description: "Proves `Authorization: Bearer hl_live_…`: the key's name, role and the permissions the role holds now.",
  access: "api-key",
  output: z.object({ name: z.string(), role: z.string(), permissions: z.array(z.string()) }),
  handle: async ({ apiKey }) => ({ name: apiKey!.name, role: apiKey!.roleName, permissions: [...apiKey!.permissions].sort() }),
});

/** Every endpoint, in the order the OpenAPI document lists them. */
export const V1_ENDPOINTS = [meEndpoint] as const;
