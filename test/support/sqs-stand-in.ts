// A stand-in for an SQS queue, over HTTP in SQS's JSON protocol, for the one call a script makes of it
// (SendMessageBatch): it checks what SQS checks (at most 10 entries, unique ids, a body), keeps the bodies, and
// answers with each body's MD5 as SQS does — the SDK verifies those digests, so a wrong one fails the call.
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SqsStandIn {
  /** A queue URL on this server, as SQS writes them. */
  queueUrl: string;
  /** Every message body accepted, in order. */
  bodies: string[];
  close(): Promise<void>;
}

export async function startSqsStandIn(queueName = "claimtrack-ingest"): Promise<SqsStandIn> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const fail = (code: string, message: string) =>
        res
          .writeHead(400, { "Content-Type": "application/x-amz-json-1.0" })
          .end(JSON.stringify({ __type: `com.amazonaws.sqs#${code}`, message }));
      if (req.headers["x-amz-target"] !== "AmazonSQS.SendMessageBatch") {
        return fail("InvalidAction", `not served here: ${req.headers["x-amz-target"]}`);
      }
      const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        Entries?: { Id: string; MessageBody: string }[];
      };
      const entries = input.Entries ?? [];
      if (entries.length === 0) return fail("EmptyBatchRequest", "no entries");
      if (entries.length > 10) return fail("TooManyEntriesInBatchRequest", `${entries.length} entries`);
      if (new Set(entries.map((e) => e.Id)).size !== entries.length) return fail("BatchEntryIdsNotDistinct", "ids");
      if (entries.some((e) => !e.MessageBody)) return fail("InvalidParameterValue", "a message has no body");
      bodies.push(...entries.map((e) => e.MessageBody));
      const successful = entries.map((e) => ({
        Id: e.Id,
        MessageId: randomUUID(),
        MD5OfMessageBody: createHash("md5").update(e.MessageBody).digest("hex"),
      }));
      res
        .writeHead(200, { "Content-Type": "application/x-amz-json-1.0" })
        .end(JSON.stringify({ Successful: successful, Failed: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    queueUrl: `http://127.0.0.1:${port}/000000000000/${queueName}`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
