/** Short, readable renderings of component output for the terminal. */

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
