// Starts fauxqs on loopback (its CLI would bind 0.0.0.0) on a free port, and prints the port.
// The test fixture reads "FAUXQS_PORT=<n>" from stdout and stops the process when the tests end.
import { buildApp } from "fauxqs";

const app = buildApp({ logger: false });
await app.listen({ port: 0, host: "127.0.0.1" });
console.log("FAUXQS_PORT=" + app.server.address().port);
