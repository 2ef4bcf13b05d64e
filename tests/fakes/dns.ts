// A DNS server on 127.0.0.1 (UDP, the npm package dns2) that answers TXT questions from a table a
// test fills in, the way a showroom's DNS provider would once the owner adds the record. Names
// not in the table answer NXDOMAIN; a name can be made to fail (SERVFAIL) or to go unanswered.
// Point the app at it with DNS_SERVERS=127.0.0.1:<port>.
import dns2 from "dns2";

const { Packet } = dns2;
const RCODE = { SERVFAIL: 2, NXDOMAIN: 3 } as const;

export interface FakeDns {
  port: number;
  /** "127.0.0.1:<port>", for DNS_SERVERS. */
  server: string;
  setTxt(name: string, values: string[]): void;
  remove(name: string): void;
  /** Answers SERVFAIL for this name, as a broken nameserver does. */
  fail(name: string): void;
  /** Every name asked for, in order. */
  questions: string[];
  close(): Promise<void>;
}

export async function startFakeDns(port = 0): Promise<FakeDns> {
  const records = new Map<string, string[]>();
  const failing = new Set<string>();
  const questions: string[] = [];
  const key = (name: string) => name.toLowerCase().replace(/\.$/, "");
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = key(question?.name ?? "");
      questions.push(name);
      if (failing.has(name)) response.header.rcode = RCODE.SERVFAIL;
      else if (!records.has(name)) response.header.rcode = RCODE.NXDOMAIN;
      else if (question?.type === Packet.TYPE.TXT)
        for (const data of records.get(name) ?? [])
          response.answers.push(
            Packet.createResourceFromQuestion(question, {
              type: Packet.TYPE.TXT,
              class: Packet.CLASS.IN,
              ttl: 60,
              data,
            }),
          );
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port, address: "127.0.0.1" } });
  const listening = addresses.udp?.port;
  if (!listening) throw new Error("the fake DNS server did not start on UDP");
  return {
    port: listening,
    server: `127.0.0.1:${listening}`,
    setTxt: (name, values) => {
      failing.delete(key(name));
      records.set(key(name), values);
    },
    remove: (name) => {
      failing.delete(key(name));
      records.delete(key(name));
    },
    fail: (name) => void failing.add(key(name)),
    questions,
    close: () => server.close(),
  };
}
