import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Pipedream gives every step a writable /tmp; files written there can be attached by later steps. */
export const OUTPUT_DIR = "/tmp";

/**
 * Where a host keeps the files a run makes, when it has no /tmp to share (an MCP reply, n8n binary data,
 * a Zapier file): `$.files.write(name, data)` returns what the output should carry instead of a path.
 */
export interface FileSink {
  write(name: string, data: string | Buffer): string;
}

function sinkOf($: unknown): FileSink | undefined {
  const files = ($ as { files?: FileSink } | undefined)?.files;
  return files && typeof files.write === "function" ? files : undefined;
}

/** Writes `data` to the host's sink when `$` has one, else to /tmp/<name>, and returns where it went. */
export function writeOutputFile(name: string, data: string | Buffer, $?: unknown): string {
  const sink = sinkOf($);
  if (sink) return sink.write(name, data);
  const path = join(OUTPUT_DIR, name);
  writeFileSync(path, data);
  return path;
}
