import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A fresh copy of `test/fixtures/<name>.json` (a raw Withings envelope), safe to mutate. */
export function loadFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, "..", "fixtures", `${name}.json`), "utf8")) as T;
}
