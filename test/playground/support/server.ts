import { fileURLToPath } from "node:url";
import { openPlaygroundBackend, startPlayground, type Playground, type RunEndInfo } from "@voxpipe/playground";

export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** A playground started in-process, recording what the server saw through its hooks. */
export interface TestPlayground extends Playground {
  runEnds: RunEndInfo[];
  refusedUpgrades: Array<{ status: number; origin: string | undefined }>;
  stop(): Promise<void>;
}

export async function startTestPlayground(configFile: string, env: Record<string, string | undefined> = process.env): Promise<TestPlayground> {
  const backend = await openPlaygroundBackend({ configFile, env });
  const runEnds: RunEndInfo[] = [];
  const refusedUpgrades: TestPlayground["refusedUpgrades"] = [];
  const playground = await startPlayground({
    backend,
    port: 0,
    hooks: {
      onRunEnd: (info) => runEnds.push(info),
      onUpgradeRefused: ({ status, origin }) => refusedUpgrades.push({ status, origin }),
    },
  });
  return {
    ...playground,
    runEnds,
    refusedUpgrades,
    async stop() {
      await playground.close();
      await backend.dispose();
    },
  };
}
