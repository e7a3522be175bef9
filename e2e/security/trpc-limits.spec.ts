import { expect, test } from "../fixtures";

// The limits of server/trpc/request-limits.ts on the real route of the production build.

test("[SECURITY]: tRPC refuses oversized batches, unknown procedures and bodies over 1 MiB with a clear 4xx", async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i, { json: null }]))));
  const eleven = await request.get(`/api/trpc/${Array(11).fill("catalog.listGroups").join(",")}?batch=1&input=${input}`);
  expect(eleven.status()).toBe(400);
  expect(((await eleven.json()) as { error: { message: string } }).error.message).toBe("At most 10 calls per batch request, got 11.");

  const unknown = await request.post("/api/trpc/admin.dropEverything", { data: { json: {} } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).not.toContain("dropEverything");

  const huge = await request.post("/api/trpc/checkout.quote", { data: { json: { firstName: "x".repeat(1_100_000) } } });
  expect(huge.status()).toBe(413);
  expect(((await huge.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");

  // Within the limits the same route still answers normally.
  const known = await request.post("/api/trpc/checkout.quote", { data: { json: {} } });
  expect(known.status()).toBe(400);
  expect(((await known.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe("BAD_REQUEST");
});
