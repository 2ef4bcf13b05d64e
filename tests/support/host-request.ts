// A GET to the e2e server with an explicit Host header, as a browser on that domain would send it
// (Node's fetch does not let a Host header through).
import { request } from "node:http";
import { baseUrl } from "./browser";

export function getWithHost(
  host: string,
  path: string,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const call = request({ host: url.hostname, port: url.port, path, headers: { host } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
      );
    });
    call.on("error", reject);
    call.end();
  });
}
