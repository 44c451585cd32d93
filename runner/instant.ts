import { HttpEndpoint, type HttpEndpointOptions } from "./http-endpoint";
import { SourceHost, wantsCustomResponse, type Auth, type ComponentLike, type EmittedEvent, type RunResult } from "./platform";
import type { FileDb } from "./state";

/**
 * An instant source hosted on a loopback port: its endpoint is `http.endpoint`, so a subscription made
 * by its `activate` hook (against the simulator, which accepts loopback URLs when asked) reaches it.
 * Requests run side by side, as concurrent executions do on Pipedream.
 */
export interface InstantHost {
  host: SourceHost;
  endpoint: HttpEndpoint;
  url: string;
  /** Every emit so far, with `duplicate` set when `unique` dedupe would drop it. */
  emitted: EmittedEvent[];
  /** Every request run so far, in the order they finished; failed runs carry the error as `result`. */
  runs: RunResult[];
  /** Resolves when every request received so far has been run. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function hostInstant(component: ComponentLike, opts: {
  auth: Auth;
  props?: Record<string, unknown>;
  db?: FileDb;
  dbPath?: string;
  port?: number;
  onAck?: HttpEndpointOptions["onAck"];
  onEmit?: (e: EmittedEvent) => void;
  onError?: (err: unknown) => void;
}): Promise<InstantHost> {
  const emitted: EmittedEvent[] = [];
  const runs: RunResult[] = [];
  let host!: SourceHost;
  const endpoint = new HttpEndpoint(async (event, respond) => {
    try {
      runs.push(await host.runRequest(event, respond));
    } catch (err) {
      runs.push({ result: err, exports: {}, emitted: [], ms: 0 });
      throw err;
    }
  }, wantsCustomResponse(component), opts.onError, { concurrent: true, onAck: opts.onAck });
  const url = await endpoint.listen(opts.port ?? 0);
  host = new SourceHost(component, {
    props: opts.props, auth: opts.auth, db: opts.db, dbPath: opts.dbPath, http: endpoint.iface,
    onEmit: (e) => {
      emitted.push(e);
      opts.onEmit?.(e);
    },
  });
  return { host, endpoint, url, emitted, runs, idle: () => endpoint.idle(), close: () => endpoint.close() };
}
