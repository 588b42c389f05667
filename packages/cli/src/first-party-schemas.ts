import { firstPartyAdapters, loadAdapter, testDoubleAdapters, type AdapterKind, type JsonSchemaAdapter } from "@voxpipe/core";
import { voxpipeInstallDir } from "./open-voxpipe.js";

/** voxpipe's own adapters (and the test doubles) that are installed, with their options schemas, for the config's JSON Schema. */
export async function firstPartySchemaAdapters(): Promise<JsonSchemaAdapter[]> {
  const named: [string, AdapterKind][] = [
    ...firstPartyAdapters.llm.map((use): [string, AdapterKind] => [use, "llm"]),
    ...firstPartyAdapters.tts.map((use): [string, AdapterKind] => [use, "tts"]),
    [testDoubleAdapters.llm, "llm"],
    [testDoubleAdapters.tts, "tts"],
  ];
  const found = await Promise.all(
    named.map(async ([use, kind]) => {
      try {
        const definition = await loadAdapter(use, kind, { searchFrom: [voxpipeInstallDir], key: "use" });
        return [{ use, kind, optionsSchema: definition.optionsSchema, description: definition.description }];
      } catch {
        return []; // not installed: its options stay free-form in the schema
      }
    }),
  );
  return found.flat();
}
