/** An action's result as the records a host hands on (n8n items, Zapier search results). */

/** Each element of a list (a bare value wrapped as `{ value }`), else the one object or value; nothing for no result. */
export function recordsOf(result: unknown): Record<string, unknown>[] {
  if (result === undefined || result === null) return [];
  const list = Array.isArray(result) ? result : [result];
  return list.map((r) => (r && typeof r === "object" && !Array.isArray(r) ? r as Record<string, unknown> : { value: r }));
}
