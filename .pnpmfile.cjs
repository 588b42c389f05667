// The AI SDK (ai@7, @ai-sdk/provider@4) declares `engines: { node: ">=22" }`, yet its
// streaming speech and language model code runs on Node 20.19+ (tested on 20.20.2;
// see packages/ai-sdk/README.md). pnpm checks `engines` from the registry's metadata,
// before `readPackage` hooks and ignoring `packageExtensions`, so the only narrow
// exception is the lockfile: this hook records these exact versions as Node >=20.19.
// Every other package keeps its own `engines`, and `engineStrict` still rejects it.
// When bumping one of these versions: update it here, run the AI SDK tests on Node 20,
// and install once with `pnpm install --config.engine-strict=false` to re-lock (also
// needed once when another workspace package starts depending on one of them).
const nodeTwentyTested = new Set([
  "ai@7.0.173",
  "@ai-sdk/provider@4.0.38",
  "@ai-sdk/provider-utils@5.0.81",
  "@ai-sdk/gateway@4.0.146",
]);

function afterAllResolved(lockfile) {
  for (const [depPath, snapshot] of Object.entries(lockfile.packages ?? {})) {
    // A depPath may carry its peers, e.g. "ai@7.0.173(zod@4.6.7)".
    if (nodeTwentyTested.has(depPath.replace(/\(.*$/, ""))) snapshot.engines = { node: ">=20.19" };
  }
  return lockfile;
}

module.exports = { hooks: { afterAllResolved } };
