import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { StateDb, type ComponentState } from "../hosts/kit/state";

export type { ComponentState } from "../hosts/kit/state";

/** Where the runner keeps its files: `.withings-runner/` in the current directory unless told otherwise. */
export function stateDir(explicit?: string): string {
  return explicit || process.env.WITHINGS_RUNNER_DIR || join(process.cwd(), ".withings-runner");
}

/** Creates a directory only its owner can read (token files live there). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Writes a file so that readers see either the old or the new content, never a half-written one:
 * write a temp file next to it with the final mode, flush it, then rename over the target.
 */
export function writeFileAtomic(path: string, content: string, mode = 0o600): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, "wx", mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function readJson<T>(path: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  return JSON.parse(text) as T;
}

/** `$.service.db` backed by a JSON file, saved after every `set`. */
export class FileDb extends StateDb {
  constructor(readonly path: string | undefined) {
    super(path ? readJson<Partial<ComponentState>>(path) : undefined);
  }
  override save(): void {
    if (this.path) writeFileAtomic(this.path, `${JSON.stringify(this.state, null, 2)}\n`, 0o600);
  }
}
