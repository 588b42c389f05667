// A playground server with caps from argv (JSON), on a free port; prints its port. For tests that need their own process.
import { openPlaygroundBackend, startPlayground } from "@voxpipe/playground";

const [configFile, limitsJson] = process.argv.slice(2);
const backend = await openPlaygroundBackend({ configFile });
const playground = await startPlayground({ backend, port: 0, limits: JSON.parse(limitsJson ?? "{}") });
process.stdout.write(`${playground.url}\n`);
process.on("SIGTERM", () => void playground.close().then(() => backend.dispose()).finally(() => process.exit(0)));
