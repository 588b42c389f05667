import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { adapterCacheDir, hfFileUrl, localCandidates, parseHfUri, remoteSource } from "./model-file-source.js";

const hint = { label: "piper", example: "hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx" };

describe("hf: URIs and URLs", () => {
  it("parses hf:owner/repo[@revision]/path and maps it to a resolve URL", () => {
    const uri = parseHfUri("hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx", hint);
    expect(uri).toEqual({ owner: "rhasspy", repo: "piper-voices", revision: "main", path: "en/en_US/lessac/medium/en_US-lessac-medium.onnx" });
    expect(hfFileUrl(uri!)).toBe("https://huggingface.co/rhasspy/piper-voices/resolve/main/en/en_US/lessac/medium/en_US-lessac-medium.onnx");
    expect(parseHfUri("hf:a/b@v1.0.0/x.onnx", hint)).toMatchObject({ revision: "v1.0.0", path: "x.onnx" });
    expect(hfFileUrl(parseHfUri("hf:a/b/x y.onnx", hint)!, "http://127.0.0.1:9/")).toBe("http://127.0.0.1:9/a/b/resolve/main/x%20y.onnx");
    expect(parseHfUri("./voice.onnx", hint)).toBeUndefined();
  });

  it("a malformed hf: URI is a ConfigError that names the adapter, the form and a valid example", () => {
    let error: unknown;
    try {
      parseHfUri("hf:just-a-name", hint);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`piper: "hf:just-a-name" is not a valid hf: URI. Write hf:OWNER/REPO[@REVISION]/PATH, e.g. ${hint.example}.`);
  });

  it("places downloads in the cache folder, mirrored by repo or host, on $HF_ENDPOINT when set", () => {
    const cache = "/cache";
    expect(remoteSource("hf:rhasspy/piper-voices/en/v.onnx", {}, cache, hint)).toEqual({ kind: "remote", url: "https://huggingface.co/rhasspy/piper-voices/resolve/main/en/v.onnx", path: join(cache, "hf", "rhasspy", "piper-voices", "main", "en", "v.onnx") });
    expect(remoteSource("hf:a/b@v2/x.onnx", { HF_ENDPOINT: "https://mirror.example/" }, cache, hint)).toMatchObject({ url: "https://mirror.example/a/b/resolve/v2/x.onnx", path: join(cache, "hf", "a", "b", "v2", "x.onnx") });
    expect(remoteSource("http://127.0.0.1:8080/a/../v.onnx", {}, cache, hint)?.path).toBe(join(cache, "url", "127.0.0.1_8080", "v.onnx"));
    expect(remoteSource("voices/v.onnx", {}, cache, hint)).toBeUndefined();
  });

  it("an adapter's cache folder: the option, else $VOXPIPE_CACHE_DIR/NAME, $XDG_CACHE_HOME/voxpipe/NAME, ~/.cache/voxpipe/NAME", () => {
    expect(adapterCacheDir("piper", { VOXPIPE_CACHE_DIR: "/c" }, "/cfg")).toBe(join("/c", "piper"));
    expect(adapterCacheDir("kokoro", { XDG_CACHE_HOME: "/x" }, "/cfg")).toBe(join("/x", "voxpipe", "kokoro"));
    expect(adapterCacheDir("piper", { HOME: "/home/u" }, "/cfg")).toBe(join("/home/u", ".cache", "voxpipe", "piper"));
    expect(adapterCacheDir("piper", { VOXPIPE_CACHE_DIR: "/c" }, "/cfg", "cache")).toBe(join("/cfg", "cache"));
  });

  it("looks for a relative path from the config's folder, then in $VOXPIPE_MODELS_DIR and its tts/ folder", () => {
    expect(localCandidates("v.onnx", { configDir: "/srv/app", env: { VOXPIPE_MODELS_DIR: "/models" } })).toEqual([join("/srv/app", "v.onnx"), join("/models", "v.onnx"), join("/models", "tts", "v.onnx")]);
    expect(localCandidates("/abs/v.onnx", { configDir: "/srv/app", env: { VOXPIPE_MODELS_DIR: "/models" } })).toEqual(["/abs/v.onnx"]);
  });
});
