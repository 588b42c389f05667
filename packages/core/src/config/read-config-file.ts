import { open } from "node:fs/promises";
import { ConfigError } from "../errors/voxpipe-error.js";

/** Largest config file read (1 MiB): a config is a few hundred bytes; anything bigger is the wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a config file as UTF-8 text, without a leading byte-order mark.
 * Refuses a folder, and stops reading past `MAX_CONFIG_BYTES` (so a device
 * like /dev/zero or a huge file is an error, not an endless read).
 */
export async function readConfigFile(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      throw new ConfigError(`${file} is a folder, not a config file. Give the path of a .yaml, .yml or .json file inside it.`, [`${file}: expected a file, found a folder`]);
    }
    if (stats.isCharacterDevice() || stats.isBlockDevice() || stats.isSocket()) {
      throw new ConfigError(`${file} is a device, not a config file. Give the path of a .yaml, .yml or .json file.`, [`${file}: expected a file, found a device`]);
    }
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) {
      const message = `${file} is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, so it is not a voxpipe config (one is a few hundred bytes). Check the path given to --config.`;
      throw new ConfigError(message, [`${file}: expected at most ${MAX_CONFIG_BYTES} bytes, found more`]);
    }
    return new TextDecoder("utf-8", { ignoreBOM: false }).decode(buffer.subarray(0, length));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw unreadable(file, error);
  } finally {
    await handle.close();
  }
}

function unreadable(file: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "EISDIR" ? "it is a folder, not a config file" : code === "EACCES" ? "permission denied" : error instanceof Error ? error.message : String(error);
  return new ConfigError(`Cannot read the config file ${file}: ${reason}.`, [`${file}: ${reason}`], error);
}
