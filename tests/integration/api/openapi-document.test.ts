import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { defineEndpoint, routeHandler } from "@/server/api/define-endpoint";
import { AppError } from "@/server/errors";
import { resetDatabase } from "@/tests/db";

beforeEach(resetDatabase);

// NOTE: an endpoint made for this test, to exercise the error envelope without depending on a real one.
const echo = defineEndpoint({
  method: "POST",
  path: "/api/v1/test-echo",
  summary: "Echo",
  access: "public",
  body: z.object({ word: z.string().min(2, "Enter at least 2 letters.") }),
  output: z.object({ word: z.string() }),
  handle: async ({ body }) => {
    if (body.word === "taken") throw new AppError("INVALID_INPUT", { userMessage: "This word is taken.", fieldErrors: { word: ["This word is taken."] } });
    if (body.word === "boom") throw new Error("database password is hunter2");
    return { word: body.word, secret: "never sent" } as { word: string };
  },
});
const post = (body: string) => routeHandler(echo)(new Request("http://localhost/api/v1/test-echo", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.77" }, body }));

describe("the REST API's OpenAPI document and error envelope", () => {
  it("serves a valid OpenAPI 3.1 document, generated from the endpoints' zod schemas", async () => {
    const document = await (await getOpenApi()).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/me": { get: { security: [{ apiKey: [] }], responses: { 401: expect.anything() } } } } });
    expect(document.paths["/api/v1/me"].get.responses[200].content["application/json"].schema).toMatchObject({
      type: "object", properties: { name: { type: "string" }, permissions: { type: "array" } }, required: ["name", "role", "permissions"],
    });
  });

  it("answers bad input with 400 { error: { code, message, fields } }, a use case's field error the same way, and never leaks an unexpected error", async () => {
    const invalid = await post(JSON.stringify({ word: "a" }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: { code: "INVALID_INPUT", message: expect.any(String), fields: { word: ["Enter at least 2 letters."] } } });
    expect(await (await post("{not json")).json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "The request body is not valid JSON." } });
    expect(await (await post(JSON.stringify({ word: "taken" }))).json()).toEqual({ error: { code: "INVALID_INPUT", message: "This word is taken.", fields: { word: ["This word is taken."] } } });
    const failed = await post(JSON.stringify({ word: "boom" }));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain("hunter2");
    // The answer is parsed with the output schema: keys outside it are never sent.
    expect(await (await post(JSON.stringify({ word: "fine" }))).json()).toEqual({ word: "fine" });
  });
});
