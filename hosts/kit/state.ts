/** What a host keeps per deployed source between runs, and the `$.service.db` a component sees. */
export interface ComponentState {
  /** The component's `$.service.db`. */
  db: Record<string, unknown>;
  /** Ids already emitted, for `dedupe: "unique"` (Pipedream keeps the most recent 100). */
  dedupe: { ids: string[]; greatest?: number };
  deployed?: boolean;
}

export const emptyState = (): ComponentState => ({ db: {}, dedupe: { ids: [] } });

/**
 * `$.service.db` over a plain state object: `get`/`set` as on Pipedream, values JSON-cloned so that a
 * component never shares objects with its stored state. A host keeps the state where it persists things
 * (a file for the runner, workflow static data for n8n) and is told after every change through `onSave`.
 */
export class StateDb {
  protected state: ComponentState;
  constructor(state?: Partial<ComponentState>, private readonly onSave?: (s: ComponentState) => void) {
    this.state = {
      db: state?.db ?? {},
      dedupe: state?.dedupe ?? { ids: [] },
      ...(state?.deployed !== undefined ? { deployed: state.deployed } : {}),
    };
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
  /** The host's own bookkeeping, kept beside the component's keys. */
  get meta(): ComponentState {
    return this.state;
  }
  save(): void {
    this.onSave?.(this.state);
  }
}
