import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type ReceivedEvent = { name: string; id?: string; data?: Record<string, unknown>; ts?: number };

/**
 * A stand-in for an Inngest server's Event API on 127.0.0.1 (workflow-engine.md §4.10): `POST /e/:key` with a
 * JSON array (or one object) of events answers `200 {"ids":[…],"status":200}`, one server-assigned id per event;
 * a wrong key answers 401, a body that is not JSON 400. Like Inngest it accepts a repeated event id and drops
 * it (`accepted` keeps the first of each id; `requests` counts every POST).
 * It can be stopped and started again on the same port (server down and back), or made to hold requests
 * without answering (a hung server) until `answerHeld()`.
 */
export const startEventApiStandIn = async ({ eventKey }: { eventKey: string }) => {
  const requests: ReceivedEvent[][] = [];
  const accepted = new Map<string, ReceivedEvent>();
  let isHanging = false;
  const held: (() => void)[] = [];

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/e\/([^/?]+)\/?$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return reply(res, 404, { error: "Not found" });
    if (decodeURIComponent(match[1]!) !== eventKey) return reply(res, 401, { error: "Event key not found" });
    let text = "";
    for await (const chunk of req) text += chunk;
    let events: ReceivedEvent[];
    try {
      const parsed = JSON.parse(text) as ReceivedEvent | ReceivedEvent[];
      events = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return reply(res, 400, { error: "Unable to parse events", status: 400 });
    }
    requests.push(events);
    const answer = () => {
      for (const event of events) if (event.id && !accepted.has(event.id)) accepted.set(event.id, event);
      reply(res, 200, { ids: events.map(() => `01${randomBytes(12).toString("hex").toUpperCase()}`), status: 200 });
    };
    if (isHanging) held.push(answer);
    else answer();
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    /** The server goes down: open connections are cut, new ones refused. */
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    /** Back on the same port. */
    start: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    /** From now on requests are held without an answer (a hung server, or a reply that never comes). */
    hang: () => {
      isHanging = true;
    },
    /** New requests are answered again; the held ones stay held. */
    resume: () => {
      isHanging = false;
    },
    /** Answers the held requests at last (a late reply). */
    answerHeld: () => {
      for (const answer of held.splice(0)) answer();
    },
  };
};

export type EventApiStandIn = Awaited<ReturnType<typeof startEventApiStandIn>>;
