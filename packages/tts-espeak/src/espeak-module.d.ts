// The package has no type declarations; `espeak-wasm.ts` types what this package uses of it.
declare module "@echogarden/espeak-ng-emscripten";
