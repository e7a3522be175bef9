import "server-only";
import { type ZodType, z } from "zod";
import { type TEndpoint, ZApiError } from "./define-endpoint";

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1, without the `$schema` key a document embeds none of. */
const jsonSchema = (schema: ZodType, io: "input" | "output") => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  return rest;
};

const json = (schema: unknown) => ({ "application/json": { schema } });
const ERROR = { $ref: "#/components/schemas/Error" };

/** What the document needs of an endpoint (any endpoint, whatever its body and answer types). */
type TDocumentedEndpoint = Pick<TEndpoint<unknown, unknown>, "method" | "path" | "summary" | "description" | "access"> & { body?: ZodType; query?: ZodType; output: ZodType };

/** Query-string parameters of an endpoint, one per property of its query object schema. */
const queryParameters = (schema: ZodType) => {
  const { properties = {}, required = [] } = jsonSchema(schema, "input") as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
};

/** The OpenAPI 3.1 document of the REST API, built from the endpoints' own zod schemas. */
export const openApiDocument = (endpoints: readonly TDocumentedEndpoint[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const isPublic = endpoint.access === "public";
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = {
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      operationId: `${endpoint.method.toLowerCase()}${endpoint.path.replace("/api/v1", "").replace(/(?:^|[/-])(\w)/g, (_, letter: string) => letter.toUpperCase())}`,
      security: isPublic ? [{}, { apiKey: [] }] : [{ apiKey: [] }],
      ...(endpoint.query ? { parameters: queryParameters(endpoint.query) } : {}),
      ...(endpoint.body ? { requestBody: { required: true, content: json(jsonSchema(endpoint.body, "input")) } } : {}),
      responses: {
        200: { description: "OK", content: json(jsonSchema(endpoint.output, "output")) },
        ...(endpoint.body || endpoint.query ? { 400: { description: "Invalid input: `error.fields` names each field", content: json(ERROR) } } : {}),
        ...(isPublic ? {} : { 401: { description: "No valid API key", content: json(ERROR) }, 403: { description: "The key's role lacks the permission", content: json(ERROR) } }),
        429: { description: "Too many requests; see Retry-After", content: json(ERROR) },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Hostlane API", version: "1", description: "The public REST API of a Hostlane installation. Keys are created in Admin → API Keys." },
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: `Authorization: Bearer hl_live_…`" } },
      schemas: { Error: jsonSchema(ZApiError, "output") },
    },
  };
};
