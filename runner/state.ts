import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

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

/** What the runner keeps per component between runs. */
export interface ComponentState {
  /** The component's `$.service.db`. */
  db: Record<string, unknown>;
  /** Ids already emitted, for `dedupe: "unique"` (the platform keeps the most recent 100). */
  dedupe: { ids: string[]; greatest?: number };
  deployed?: boolean;
}

/**
 * `$.service.db` backed by a JSON file: `get`/`set` as on Pipedream, values JSON-cloned so a
 * component never shares objects with its stored state, saved after every `set`.
 */
export class FileDb {
  private state: ComponentState;
  constructor(readonly path: string | undefined) {
    const loaded = path ? readJson<Partial<ComponentState>>(path) : undefined;
    this.state = { db: loaded?.db ?? {}, dedupe: loaded?.dedupe ?? { ids: [] }, deployed: loaded?.deployed };
  }
  get(key: string): unknown {
    const v = this.state.db[key];
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }
  set(key: string, value: unknown): void {
    if (value === undefined) delete this.state.db[key];
    else this.state.db[key] = JSON.parse(JSON.stringify(value));
    this.save();
  }
  /** The runner's own bookkeeping, kept in the same file but outside the component's keys. */
  get meta(): ComponentState {
    return this.state;
  }
  save(): void {
    if (this.path) writeFileAtomic(this.path, `${JSON.stringify(this.state, null, 2)}\n`, 0o600);
  }
}
