// dynalite on a thread of its own: the table's CPU work (validation, LevelDB) runs beside the handlers instead of
// between them, still inside the stack's process. The parent sends { port, path } and gets { port } back (or
// { error }); "stop" closes the server and ends the thread. Every request goes to an access log with its operation.
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import dynalite from "dynalite";
import { openAccessLog } from "./access-log.ts";

const { port, path, accessLogPath } = workerData as { port: number; path: string; accessLogPath: string };
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
const accessLog = openAccessLog(accessLogPath);
server.on("request", (req, res) => accessLog.record(req, res));
server.once("error", (err: Error) => parentPort!.postMessage({ error: err.message }));
server.listen(port, "127.0.0.1", () => {
  parentPort!.postMessage({ port: (server.address() as AddressInfo).port });
});
parentPort!.on("message", (message: unknown) => {
  if (message !== "stop") return;
  server.close(() => {
    void accessLog.close().then(() => parentPort!.close());
  });
  server.closeAllConnections();
});
