/** The lists of operations in the host packages' READMEs, from the hosts' own definitions (what npm shows). */
import { toolDefs } from "../../packages/mcp/src/tools";
import { oneLine } from "./render";

/** Every MCP tool: its name, title, whether it only reads, and what it does in one line. */
export function mcpToolsTable(): string {
  const rows = toolDefs().map((t) => `| \`${t.name}\` | ${t.title} | ${t.annotations.readOnlyHint ? "read" : "write"} | `
    + `${oneLine(String((t.component as { description?: string }).description ?? ""))} |`);
  return ["| Tool | Title | Kind | What it does |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
