import { openApiDocument } from "@/server/api/openapi-document";
import { V1_ENDPOINTS } from "@/server/api/v1-endpoints";

/** The OpenAPI 3.1 document of /api/v1, generated from the endpoints' zod schemas. */
export const GET = () => Response.json(openApiDocument(V1_ENDPOINTS));
