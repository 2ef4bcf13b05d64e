// The HTTP side shared by the wire-level fakes of the LLM APIs: one JSON endpoint on 127.0.0.1
// whose answers come from a test's script, every request recorded, delays a client may hang up
// on. Each fake supplies only what its API does differently: its checks, error body and replies.
import http from "node:http";
import { flattenHeaders, listeningPort, parseJson, readBody } from "./http";

export interface ReplyTiming {
  /** Wait this long before answering (the fake gives up quietly if the client hangs up first). */
  delayMs?: number;
  headers?: Record<string, string>;
}

/** Anything at all, for bodies the API would never send. */
export interface RawReply {
  kind: "raw";
  status: number;
  body: string;
  contentType?: string;
}

export interface ScriptedRequest<Body> {
  body: Body;
  headers: Record<string, string>;
  /** 0 for the first request the script sees. */
  index: number;
}

export type Script<Body, Reply> =
  | ((request: ScriptedRequest<Body>) => Reply | Promise<Reply>)
  /** Reply n answers request n; running out is a test bug, reported as a 500 that must not be retried. */
  | readonly Reply[];

export interface RecordedRequest<Body> {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The JSON body as sent, or undefined when it was not JSON. */
  rawBody: unknown;
  /** The body once validated; undefined when the fake rejected the request before the script saw it. */
  body: Body | undefined;
  /** The status the fake answered with. */
  status: number;
}

/** One HTTP answer: what the API would put on the wire. */
export interface WireAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface ArrivingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body's text, for size estimates. */
  text: string;
  /** The body parsed as JSON, or undefined when it was not JSON. */
  rawBody: unknown;
}

/** What one API does its own way. */
export interface WireApi<Body, Reply> {
  /** The API's checks, in its order (route, key, headers, body), and its answer to a request they refuse. */
  accept(request: ArrivingRequest): { accepted: Body } | { refused: WireAnswer };
  /** A scripted reply as the API sends it. */
  answer(reply: Reply, request: { body: Body; text: string }): WireAnswer;
  /** The API's 500 for a broken fake or script (sent marked so the SDK does not retry it into confusion). */
  failure(message: string): WireAnswer;
}

export interface ScriptedServer<Body> {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every request, in arrival order, including rejected ones. */
  requests: RecordedRequest<Body>[];
  close(): Promise<void>;
}

/** What a test gets from a fake API. */
export interface FakeApi<Body> {
  /** Pass as the SDK's baseURL. */
  baseURL: string;
  /** The only key the fake accepts. */
  apiKey: string;
  /** Every request, in arrival order, including rejected ones. */
  requests: RecordedRequest<Body>[];
  close(): Promise<void>;
}

/** A JSON answer, as every API sends its replies and errors. */
export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): WireAnswer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** A raw reply as written, JSON by default. */
export function rawAnswer(reply: RawReply & ReplyTiming): WireAnswer {
  return {
    status: reply.status,
    body: reply.body,
    headers: { "content-type": reply.contentType ?? "application/json", ...reply.headers },
  };
}

export async function startScriptedApi<Body, Reply extends ReplyTiming>(
  api: WireApi<Body, Reply>,
  script: Script<Body, Reply>,
): Promise<ScriptedServer<Body>> {
  const requests: RecordedRequest<Body>[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let scriptCalls = 0;

  const nextReply = async (request: ScriptedRequest<Body>): Promise<Reply> => {
    if (typeof script === "function") return script(request);
    const reply = script[request.index];
    if (!reply) throw new Error(`no reply scripted for request #${request.index + 1}`);
    return reply;
  };

  const send = (res: http.ServerResponse, answer: WireAnswer) => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
  const failure = (message: string): WireAnswer => {
    const answer = api.failure(message);
    return { ...answer, headers: { ...answer.headers, "x-should-retry": "false" } };
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, failure(`fake server failed: ${String(error)}`));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let hungUp = false;
    res.on("close", () => {
      hungUp = true;
    });
    const headers = flattenHeaders(req.headers);
    const text = await readBody(req);
    const rawBody = parseJson(text);
    const record: RecordedRequest<Body> = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers,
      rawBody,
      body: undefined,
      status: 0,
    };
    requests.push(record);
    const answer = (wire: WireAnswer) => {
      record.status = wire.status;
      send(res, wire);
    };

    const checked = api.accept({ method: record.method, url: record.path, headers, text, rawBody });
    if ("refused" in checked) return answer(checked.refused);
    const body = checked.accepted;
    record.body = body;

    let reply: Reply;
    try {
      reply = await nextReply({ body, headers, index: scriptCalls++ });
    } catch (error) {
      return answer(failure(`fake script failed: ${String(error)}`));
    }

    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, reply.delayMs);
        timers.add(timer);
        res.once("close", () => {
          clearTimeout(timer);
          timers.delete(timer);
          resolve();
        });
      });
      if (hungUp) {
        record.status = 499; // nginx's "client closed request": the SDK timed out first
        return;
      }
    }
    answer(api.answer(reply, { body, text }));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${listeningPort(server)}`,
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
