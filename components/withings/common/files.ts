import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Pipedream gives every step a writable /tmp; files written there can be attached by later steps. */
export const OUTPUT_DIR = "/tmp";

/** Writes `data` to /tmp/<name> and returns the path. */
export function writeOutputFile(name: string, data: string | Buffer): string {
  const path = join(OUTPUT_DIR, name);
  writeFileSync(path, data);
  return path;
}
