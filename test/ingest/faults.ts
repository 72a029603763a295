// Transient trouble for one object, made with SDK middleware on the handler's real S3 client: the other objects
// of a batch are served as usual. Nothing is mocked — the failing requests fail the way S3 or the network fails.
import { createServer } from "node:net";
import { type S3Client, S3ServiceException } from "@aws-sdk/client-s3";

type Args = { input: { Key?: string }; request?: { port?: number } };

export interface Fault {
  /** Requests that met the fault. */
  readonly hits: number;
  heal(): void;
}

/** Until healed, `disturb` acts on every request for `key` at the given step of the SDK's middleware stack. */
function keyFault(
  client: S3Client,
  key: string,
  step: "initialize" | "finalizeRequest",
  disturb: (args: Args) => void,
): Fault {
  let hits = 0;
  let healed = false;
  client.middlewareStack.add(
    ((next: (args: Args) => Promise<unknown>) => async (args: Args) => {
      if (!healed && args.input.Key === key) {
        hits++;
        disturb(args);
      }
      return next(args);
    }) as never,
    { step, name: `${step}-fault-${key}` } as never,
  );
  return {
    get hits() {
      return hits;
    },
    heal() {
      healed = true;
    },
  };
}

/** Every request for `key` is answered like a throttled S3: 503 SlowDown. */
export function throttleKey(client: S3Client, key: string): Fault {
  return keyFault(client, key, "initialize", () => {
    throw new S3ServiceException({
      name: "SlowDown",
      $fault: "server",
      $metadata: { httpStatusCode: 503 },
      message: "Please reduce your request rate.",
    });
  });
}

/** A port nothing listens on: connecting to it is refused by the network stack. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Requests for `key` are sent to a closed port: S3 is unreachable for that object (ECONNREFUSED). */
export async function unreachableKey(client: S3Client, key: string): Promise<Fault> {
  const port = await closedPort();
  return keyFault(client, key, "finalizeRequest", (args) => {
    if (args.request) args.request.port = port;
  });
}
