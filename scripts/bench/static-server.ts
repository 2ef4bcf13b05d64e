// The benchmark's yardstick: a plain node:http server, in its own process like `next start`, that
// answers each captured catalog URL with the exact HTML bytes Next sent for it.
// Usage: tsx scripts/bench/static-server.ts <pages.json> <port>
import { readFileSync } from "node:fs";
import http from "node:http";
import { z } from "zod";

/** One captured response, as scripts/bench/catalog.ts writes it (body in base64). */
const CapturedPage = z.object({ path: z.string(), contentType: z.string(), body: z.string() });

function main(): void {
  const [file, portText] = process.argv.slice(2);
  if (!file || !portText) throw new Error("usage: static-server.ts <pages.json> <port>");
  const pages = z.array(CapturedPage).parse(JSON.parse(readFileSync(file, "utf8")));
  // Decoded once up front: the server does nothing per request but a map lookup and a write.
  const byPath = new Map(
    pages.map((page) => [
      page.path,
      { body: Buffer.from(page.body, "base64"), contentType: page.contentType },
    ]),
  );
  const server = http.createServer((request, response) => {
    const page = byPath.get(request.url ?? "");
    if (request.url === "/__ready") {
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (!page) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not captured");
      return;
    }
    response.writeHead(200, { "content-type": page.contentType, "content-length": page.body.length });
    response.end(page.body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(portText), "127.0.0.1");
  const stop = () => {
    server.close(() => process.exit(0));
    // Idle keep-alive sockets would otherwise hold close() open.
    server.closeAllConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main();
