/**
 * Running the components inside a Zapier step: the connection's tokens as the app's `$auth`, Zapier's HTTP as its
 * `_send`, the step's input fields as props, and files handed to Zapier's file stash.
 */
import type { Bundle, ZObject } from "zapier-platform-core";
import { appInstance, describeProps, runAction, type Auth, type ComponentLike } from "../../../hosts/kit";
import withingsApp from "../../../components/withings/withings.app";
import type { FileSink } from "../../../components/withings/common/files";
import { appOverrides } from "./send";

export const APP = withingsApp as unknown as ComponentLike;

/** The connection as the app's `$auth`. The API base follows WITHINGS_API_URL (the core reads it). */
export function authOf(bundle: Bundle): Auth {
  const a = (bundle.authData ?? {}) as Record<string, unknown>;
  const auth: Auth = { oauth_access_token: String(a.access_token ?? "") };
  if (a.refresh_token) auth.oauth_refresh_token = String(a.refresh_token);
  if (a.userid !== undefined && a.userid !== null && a.userid !== "") auth.oauth_uid = String(a.userid);
  return auth;
}

/** The Withings app's methods, with Zapier's HTTP (for the OAuth calls and the hooks' subscriptions). */
export function appFor(z: ZObject, bundle: Bundle): Record<string, any> {
  return appInstance(APP, authOf(bundle), appOverrides(z)) as Record<string, any>;
}

/** A component's props from a step's input: only its own props, empty values left out (so defaults apply). */
export function propsFrom(component: ComponentLike, input: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = new Set(describeProps(component).map((p) => p.name));
  for (const [k, v] of Object.entries(input ?? {})) {
    if (!names.has(k) || v === undefined || v === null || v === "") continue;
    if (Array.isArray(v) && v.every((x) => x === "" || x === null)) continue;
    out[k] = v;
  }
  return out;
}

/** How a run's files reach Zapier: `z.stashFile` by default; tests and other setups may replace it. */
export type Stasher = (z: ZObject, data: Buffer, name: string, contentType: string) => Promise<string>;

const CONTENT_TYPES: Record<string, string> = { png: "image/png", svg: "image/svg+xml", wav: "audio/wav" };

export const fileStash: { stash: Stasher } = {
  stash: async (z, data, name, contentType) => String(await z.stashFile(data, data.length, name, contentType)),
};

/**
 * The components write files synchronously through `$.files.write(name, data)`: the sink keeps them and hands
 * back a placeholder, and once the run is over each file is stashed and its placeholder replaced by the URL.
 */
export class StashSink implements FileSink {
  readonly files = new Map<string, { name: string; data: Buffer }>();
  write(name: string, data: string | Buffer): string {
    const placeholder = `zapier-file:${this.files.size}:${name}`;
    this.files.set(placeholder, { name, data: Buffer.isBuffer(data) ? data : Buffer.from(data) });
    return placeholder;
  }
  /** The result with every placeholder replaced by its stashed URL (or null, with a note, when stashing failed). */
  async resolve(z: ZObject, result: unknown): Promise<{ value: unknown; notes: string[] }> {
    const urls = new Map<string, string | null>();
    const notes: string[] = [];
    for (const [placeholder, f] of this.files) {
      const ext = f.name.split(".").pop() ?? "";
      try {
        urls.set(placeholder, await fileStash.stash(z, f.data, f.name, CONTENT_TYPES[ext] ?? "application/octet-stream"));
      } catch {
        urls.set(placeholder, null);
        notes.push(`${f.name} could not be stored as a Zapier file`);
      }
    }
    const swap = (v: unknown): unknown => {
      if (typeof v === "string") {
        if (urls.has(v)) return urls.get(v);
        // Inside text (a summary): the URL, or the file's name when it could not be stored.
        let text = v;
        for (const [placeholder, url] of urls) text = text.split(placeholder).join(url ?? this.files.get(placeholder)!.name);
        return text;
      }
      if (Array.isArray(v)) return v.map(swap);
      if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
      return v;
    };
    return { value: swap(result), notes };
  }
}

/** Runs an action with the step's input; the result with files stashed, and its summary. */
export async function runForZapier(z: ZObject, bundle: Bundle, component: ComponentLike): Promise<{ result: unknown; summary?: string; notes: string[] }> {
  const files = new StashSink();
  const run = await runAction(component, {
    props: propsFrom(component, bundle.inputData as Record<string, unknown>),
    auth: authOf(bundle),
    appOverrides: appOverrides(z),
    files,
  });
  const { value, notes } = await files.resolve(z, { result: run.result, summary: run.summary });
  const { result, summary } = value as { result: unknown; summary?: string };
  return { result, summary, notes };
}
