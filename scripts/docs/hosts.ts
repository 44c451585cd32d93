/** The lists of operations in the host packages' READMEs, from the hosts' own definitions (what npm shows). */
import { toolDefs } from "../../packages/mcp/src/tools";
import { operations, resourceOf } from "../../packages/n8n/src/shared/actions";
import { eventLabel, sourcesOf } from "../../packages/n8n/src/shared/sources";
import { oneLine } from "./render";

/** Every MCP tool: its name, title, whether it only reads, and what it does in one line. */
export function mcpToolsTable(): string {
  const rows = toolDefs().map((t) => `| \`${t.name}\` | ${t.title} | ${t.annotations.readOnlyHint ? "read" : "write"} | `
    + `${oneLine(String((t.component as { description?: string }).description ?? ""))} |`);
  return ["| Tool | Title | Kind | What it does |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

const describe = (c: { description?: unknown }) => oneLine(String(c.description ?? ""));

/** The n8n package's operations (resource / operation) and the events of its two triggers. */
export function n8nOperationsTable(): string {
  const rows = operations().map((o) => `| Withings | ${resourceOf(o.slug).name} / ${String(o.component.name)} | ${describe(o.component as never)} |`);
  for (const [node, kind] of [["Withings Trigger", "instant"], ["Withings Poll Trigger", "polling"]] as const) {
    for (const { slug, component } of sourcesOf(kind)) {
      rows.push(`| ${node} | ${eventLabel(component, slug)} | ${describe(component as never)} |`);
    }
  }
  return ["| Node | Operation or event | What it does |", "| --- | --- | --- |", ...rows].join("\n");
}
