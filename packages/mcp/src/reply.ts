/**
 * A component's result made fit for a model's context: the `$summary` first, then the decoded records as
 * JSON text and structured content, long lists capped with the total and how to get more, bulky samples
 * left out unless asked, and files (ECG strip chart, heart-sound WAV) as image and audio content.
 */
import type { RunResult } from "../../../hosts/kit/run";
import { MAX_RECORDS_CEILING } from "./schema";
import type { ToolDef } from "./tools";

/** Bytes of JSON records a default reply holds (text and structured copies together stay under 25 KB). */
export const RECORD_BUDGET = 10_000;

export interface ReplyOptions {
  maxRecords?: number;
  includeSamples?: boolean;
  /** `audio` content (default), or an embedded `resource` for clients that do not play audio. */
  audioAs?: "audio" | "resource";
}

export type Content =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "audio"; data: string; mimeType: string }
  | { type: "resource"; resource: { uri: string; mimeType: string; blob: string } };

export interface ToolReply {
  content: Content[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

const MIME: Record<string, string> = { png: "image/png", wav: "audio/wav" };

const size = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? "");

/** The first records that fit the budget (at least one), or exactly `max` when the model asked. */
function capRecords(records: unknown[], max: number | undefined): unknown[] {
  if (max !== undefined) return records.slice(0, max);
  let used = 2;
  let n = 0;
  for (const r of records) {
    used += size(r) + 1;
    if (n > 0 && used > RECORD_BUDGET) break;
    n++;
  }
  return records.slice(0, n);
}

function moreHint(def: ToolDef, returned: number, total: number): string {
  const range = def.props.some((p) => p.name === "startDate") ? ", or narrow startDate/endDate" : "";
  return `Showing ${returned} of ${total} records. Call ${def.name} again with max_records (up to `
    + `${Math.min(total, MAX_RECORDS_CEILING)})${range} to see more.`;
}

/** Leaves out sample arrays unless asked; any other oversized list is cut to what fits. */
function trimRecord(record: Record<string, unknown>, opts: ReplyOptions): { record: Record<string, unknown>; omitted: string[] } {
  const out = { ...record };
  const omitted: string[] = [];
  if (opts.includeSamples) return { record: out, omitted };
  for (const [key, v] of Object.entries(out)) {
    if (!Array.isArray(v)) continue;
    if (key === "signal") {
      delete out[key];
      omitted.push(`signal (${v.length} samples): call again with include_samples: true to get them`);
    } else if (size(v) > RECORD_BUDGET) {
      const kept = capRecords(v, undefined);
      out[key] = kept;
      omitted.push(`${key}: ${v.length - kept.length} of ${v.length} items left out to keep the reply small`);
    }
  }
  return { record: out, omitted };
}

/** Heart rate, AFib, VHD, duration: the facts a model reads first about one recording. */
function facts(r: Record<string, unknown>): string | undefined {
  const recording = (r.recording ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const hr = r.heart_rate ?? recording.heart_rate;
  if (typeof hr === "number") parts.push(`heart rate ${hr} bpm`);
  if (recording.afib_result !== undefined) parts.push(`AFib result: ${String(recording.afib_result)}`);
  if (r.vhd_result !== undefined) parts.push(`valvular heart disease (VHD) result: ${String(r.vhd_result)}`);
  if (typeof r.position_name === "string") parts.push(`position ${r.position_name}`);
  if (typeof r.duration_seconds === "number") parts.push(`duration ${r.duration_seconds} s`);
  return parts.length > 1 ? `${parts.join(", ")}.` : undefined;
}

function fileContent(name: string, data: Buffer, opts: ReplyOptions): Content | undefined {
  const ext = name.split(".").pop() ?? "";
  const mimeType = MIME[ext];
  if (!mimeType) return undefined;
  if (mimeType.startsWith("image/")) return { type: "image", data: data.toString("base64"), mimeType };
  if (opts.audioAs === "resource") return { type: "resource", resource: { uri: `withings://files/${name}`, mimeType, blob: data.toString("base64") } };
  return { type: "audio", data: data.toString("base64"), mimeType };
}

export function shapeReply(def: ToolDef, run: Pick<RunResult, "result" | "summary">, files: Map<string, Buffer>,
  opts: ReplyOptions = {}): ToolReply {
  const summary = run.summary ?? `${def.title} done.`;
  const structured: Record<string, unknown> = { summary };
  const lines = [summary];
  const { result } = run;
  if (Array.isArray(result)) {
    const kept = capRecords(result, opts.maxRecords);
    Object.assign(structured, { records: kept, total: result.length, returned: kept.length, truncated: kept.length < result.length });
    if (kept.length < result.length) {
      structured.more = moreHint(def, kept.length, result.length);
      lines.push(String(structured.more));
    }
  } else if (result && typeof result === "object") {
    const { record, omitted } = trimRecord(result as Record<string, unknown>, opts);
    structured.record = record;
    const f = facts(record);
    if (f) lines.push(f.charAt(0).toUpperCase() + f.slice(1));
    if (omitted.length) {
      structured.omitted = omitted;
      lines.push(`Left out: ${omitted.join("; ")}.`);
    }
  } else if (result !== undefined) {
    structured.value = result;
  }
  const attached: Content[] = [];
  const attachments: Array<{ name: string; mimeType: string; bytes: number }> = [];
  for (const [name, data] of files) {
    const c = fileContent(name, data, opts);
    if (!c) continue;
    attached.push(c);
    attachments.push({ name, mimeType: MIME[name.split(".").pop()!], bytes: data.length });
  }
  if (attachments.length) {
    structured.attachments = attachments;
    lines.push(`Attached: ${attachments.map((a) => `${a.name} (${a.mimeType})`).join(", ")}.`);
  }
  return {
    content: [{ type: "text", text: lines.join("\n") }, { type: "text", text: JSON.stringify(structured) }, ...attached],
    structuredContent: structured,
  };
}
