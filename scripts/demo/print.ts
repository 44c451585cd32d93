/** How the demo prints: props a user would pick, an action's result, a source's events, wrapped readably. */
import { indent, ms } from "../../runner/format";
import { describeEvent, describeResult, wrap } from "../../runner/readable";
import { missingRequiredProps, propOptions, runAction, type Auth, type ComponentLike, type RunResult } from "../../runner/platform";

export const SAMPLE_LINES = 3;
export const WIDTH = Math.max(80, Math.min(process.stdout.columns || 110, 140)) - 8;
export const log = (s = "") => process.stdout.write(`${s}\n`);

export interface Outcome { ok: number; failed: string[]; skipped: string[] }

/** Why a source can emit nothing right after new data was recorded, in the words of its documentation. */
const WAITS_FOR_MIDNIGHT = "it waits for the day to end in the user's time zone, so that the numbers are final: "
  + "today's activity is emitted on the first run after midnight";
export const QUIET_BY_DESIGN: Record<string, string> = {
  "withings-new-daily-activity": WAITS_FOR_MIDNIGHT,
  "withings-new-daily-activity-instant": WAITS_FOR_MIDNIGHT,
};

/**
 * Fills each required prop that has no value with its first choice, as a user picking from the list would, and
 * a Time Zone prop with the user's zone, as a user would set it so that times read in their own zone.
 */
export async function demoProps(component: ComponentLike, auth: Auth, zone: string): Promise<{ props: Record<string, unknown>; missing: string[] }> {
  const props: Record<string, unknown> = {};
  const missing: string[] = [];
  if (component.props && "timezone" in component.props) props.timezone = zone;
  for (const name of missingRequiredProps(component)) {
    const options = await propOptions(component, name, auth).catch(() => []);
    if (options.length) props[name] = options[0].value;
    else missing.push(name);
  }
  return { props, missing };
}

/** Prints `text` wrapped to the terminal under `pad`, continuation lines indented two more spaces. */
export function say(pad: string, text: string): void {
  wrap(text, WIDTH - pad.length).forEach((l, i) => log(`${i ? `${pad}  ` : pad}${l}`));
}

/** An action's `$summary` and the first records (or the object) it returned, readably. */
export function printResult(r: RunResult): void {
  if (r.summary !== undefined) say("    ", `$summary: ${r.summary}`);
  if (r.result !== undefined) log(indent(describeResult(r.result, WIDTH - 6, SAMPLE_LINES), "      "));
}

/** What one deploy or run of a source emitted; a source quiet by design says why. */
/** One event as "• summary", wrapped between words, with its time in the user's zone when the summary has none. */
export function showEvent(e: { meta: { summary?: string; ts?: number } }, zone: string): void {
  describeEvent(e.meta.summary, e.meta.ts, zone, WIDTH - 8).forEach((l, i) => log(`      ${i ? "  " : "• "}${l}`));
}

export function printEvents(phase: string, component: ComponentLike, r: RunResult, zone: string): void {
  const fresh = r.emitted.filter((e) => !e.duplicate);
  if (!fresh.length) {
    const why = QUIET_BY_DESIGN[String(component.key)];
    say("    ", `${phase}: no new event in ${ms(r.ms)}${why ? `, as designed: ${why}` : ""}`);
    return;
  }
  log(`    ${phase}: emitted ${fresh.length} event${fresh.length === 1 ? "" : "s"} in ${ms(r.ms)}`);
  for (const e of fresh.slice(0, SAMPLE_LINES)) showEvent(e, zone);
  if (fresh.length > SAMPLE_LINES) log(`      … and ${fresh.length - SAMPLE_LINES} more`);
}

/** Runs one action with the demo's props and prints it: the demo's unit for "run an action and show it". */
export async function showAction(component: ComponentLike, auth: Auth, zone: string, out: Outcome,
  given: Record<string, unknown> = {}): Promise<void> {
  const demo = await demoProps({ ...component, props: omit(component.props ?? {}, Object.keys(given)) }, auth, zone);
  const props = { ...demo.props, ...given };
  const { missing } = demo;
  const filled = Object.entries(props).map(([k, v]) => `${k}=${v}`).join(", ");
  say("  ", `▸ ${component.name} (${component.key})${filled ? ` with ${filled}` : ""}`);
  if (missing.length) {
    out.skipped.push(`${component.key} (needs ${missing.join(", ")})`);
    log(`    skipped: needs ${missing.join(", ")}`);
    return;
  }
  try {
    const r = await runAction(component, { props, auth });
    printResult(r);
    log(`    took ${ms(r.ms)}`);
    out.ok++;
  } catch (err) {
    out.failed.push(`${component.key}: ${(err as Error).message}`);
    say("    ", `✗ ${(err as Error).name}: ${(err as Error).message}`);
  }
}

const omit = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
