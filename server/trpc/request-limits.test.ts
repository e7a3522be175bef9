import { describe, expect, it } from "vitest";
import { checkTrpcRequest } from "./request-limits";

const procedures = new Set(["catalog.list", "checkout.quote"]);
const limits = { endpoint: "/api/trpc", procedures, maxBatchSize: 3, maxBodyBytes: 1000 };
const url = (paths: string) => `http://localhost/api/trpc/${paths}?batch=1`;

const streamOf = (chunks: number, chunkSize: number) => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull: (controller) => {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(chunkSize).fill(65));
      else controller.close();
    },
  });
};

const refusal = async (answer: Response | Request) => {
  expect(answer).toBeInstanceOf(Response);
  const response = answer as Response;
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
};

describe("checkTrpcRequest", () => {
  it("passes known procedures within the limits, with the body intact", async () => {
    const request = new Request(url("catalog.list,checkout.quote"), { method: "POST", body: '{"0":{"json":null}}' });
    const passed = await checkTrpcRequest(request, limits);
    expect(passed).toBeInstanceOf(Request);
    expect(await (passed as Request).text()).toBe('{"0":{"json":null}}');
    expect(await checkTrpcRequest(new Request(url("catalog.list")), limits)).toBeInstanceOf(Request);
  });

  it("refuses a batch over the maximum with 400", async () => {
    const { status, body } = await refusal(await checkTrpcRequest(new Request(url("catalog.list,catalog.list,catalog.list,catalog.list")), limits));
    expect(status).toBe(400);
    expect(body.error.message).toBe("At most 3 calls per batch request, got 4.");
  });

  it("refuses an unknown procedure, alone or in a batch, with 404 and without echoing its name", async () => {
    for (const paths of ["nope.secret", "catalog.list,admin.__proto__", "", "catalog.list%2Cconstructor"]) {
      const { status, body } = await refusal(await checkTrpcRequest(new Request(url(paths)), limits));
      expect(status).toBe(404);
      expect(JSON.stringify(body)).not.toMatch(/nope|proto|constructor/);
    }
  });

  it("refuses an oversized body by Content-Length before reading it, and a streamed one once it passes the limit", async () => {
    let pulled = 0;
    const declared = new Request(url("catalog.list"), {
      method: "POST",
      headers: { "content-length": "5000" },
      body: new ReadableStream({ pull: () => void pulled++ }, { highWaterMark: 0 }),
      duplex: "half",
    } as RequestInit);
    expect((await refusal(await checkTrpcRequest(declared, limits))).status).toBe(413);
    expect(pulled).toBe(0);

    const streamed = new Request(url("catalog.list"), { method: "POST", body: streamOf(100, 300), duplex: "half" } as RequestInit);
    const { status, body } = await refusal(await checkTrpcRequest(streamed, limits));
    expect(status).toBe(413);
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
