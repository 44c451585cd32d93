/** Short, readable renderings of component output for the terminal. */
import { isValidTimeZone, shortInZone } from "../common/dates";
import type { EmittedEvent } from "./platform";

/** One value as compact JSON, cut to `width` characters. */
export function oneLine(value: unknown, width = 110): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > width ? `${s.slice(0, width - 1)}…` : s;
}

/** A few lines describing a result: the first items of an array, or the keys of an object. */
export function sample(result: unknown, lines = 3, width = 110): string[] {
  if (result === undefined) return ["(no return value)"];
  if (Array.isArray(result)) {
    const out = result.slice(0, lines).map((r) => oneLine(r, width));
    if (result.length > lines) out.push(`… ${result.length - lines} more`);
    return out.length ? out : ["[]"];
  }
  if (result && typeof result === "object") {
    const entries = Object.entries(result as Record<string, unknown>);
    const out = entries.slice(0, lines).map(([k, v]) => oneLine({ [k]: v }, width));
    if (entries.length > lines) out.push(`… ${entries.length - lines} more keys`);
    return out;
  }
  return [oneLine(result, width)];
}

export const indent = (lines: string[], pad = "    "): string => lines.map((l) => pad + l).join("\n");

export const ms = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

/** `<id> <time in the record's zone (else UTC)> <zone> <summary>`; long ids are shortened, never the summary. */
export function eventLine(e: EmittedEvent): string {
  const reported = (e.event as { timezone?: unknown } | null)?.timezone;
  const zone = typeof reported === "string" && isValidTimeZone(reported) ? reported : "UTC";
  const ts = typeof e.meta.ts === "number" ? `${shortInZone(Math.floor(e.meta.ts / 1000), zone)} ${zone}` : "";
  const id = String(e.meta.id ?? "");
  const shortId = id.length > 22 ? `${id.slice(0, 21)}…` : id;
  return `${shortId.padEnd(22)} ${ts.padEnd(29)} ${e.meta.summary ?? oneLine(e.event, 80)}`;
}
