import { actionInstance } from "./context";
import { MemoryDb, type Emitted } from "./source-harness";
import { seenBefore } from "../../runner/platform";

export const ENDPOINT = "https://m.pipedream.net/abc123";
export const UID = "32461891";

/**
 * An instant source wired like the platform: props, methods, an in-memory db, `$emit` with `unique`
 * dedupe, and an `http` interface whose `respond` calls are recorded in `order` beside the requests.
 */
export function instantHarness(component: any, props: Record<string, unknown> = {}, auth: Record<string, unknown> = { oauth_uid: UID }) {
  const db = new MemoryDb();
  const emitted: Emitted[] = [];
  const delivered: Emitted[] = [];
  const responses: Array<{ status: number }> = [];
  const order: string[] = [];
  const recent: string[] = [];
  const self = actionInstance(component, props, auth);
  Object.assign(self, {
    db,
    http: {
      endpoint: ENDPOINT,
      respond(res: { status: number }) {
        responses.push(res);
        order.push(`respond ${res.status}`);
      },
    },
    $emit(event: any, meta: Emitted["meta"]) {
      const e = { event: JSON.parse(JSON.stringify(event)), meta };
      emitted.push(e);
      if (!seenBefore(recent, meta.id)) delivered.push(e);
    },
  });
  const post = (body: unknown) => component.run.call(self, { method: "POST", path: "/", query: {}, headers: {}, body,
    bodyRaw: typeof body === "string" ? body : "" });
  return {
    self, db, emitted, delivered, responses, order,
    deploy: (): Promise<void> => component.hooks.deploy.call(self),
    activate: (): Promise<void> => component.hooks.activate.call(self),
    deactivate: (): Promise<void> => component.hooks.deactivate.call(self),
    head: () => component.run.call(self, { method: "HEAD", path: "/", query: {}, headers: {}, body: undefined, bodyRaw: "" }),
    post,
    notify: (fields: Record<string, string | number>) => post(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))),
    tick: () => component.run.call(self, { timestamp: Math.floor(Date.now() / 1000), interval_seconds: 86400 }),
  };
}
