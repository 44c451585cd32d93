/**
 * The MCP server: every tool of `toolDefs()` registered on an `McpServer`, each call running the
 * component's own `run` through the kit (`runAction`) against the account, its reply shaped by `reply.ts`.
 */
import { McpServer, fromJsonSchema, type JsonSchemaType, type jsonSchemaValidator } from "@modelcontextprotocol/server";
import { runAction } from "../../../hosts/kit/run";
import type { Account } from "./account";
import { errorReply } from "./errors";
import { shapeReply, type ReplyOptions, type ToolReply } from "./reply";
import { parseArgs, type JsonSchema } from "./schema";
import { toolDefs, type ToolDef } from "./tools";

export const SERVER_NAME = "withings";
export const SERVER_VERSION = "0.1.0";

export interface ServerOptions {
  /** Whether the account is the simulator's demo user, for the server's instructions (default: the account's kind). */
  demo?: boolean;
  audioAs?: ReplyOptions["audioAs"];
  /** Told about every call (tool, milliseconds, error or not), e.g. for a log on stderr. */
  onCall?: (e: { tool: string; ms: number; isError: boolean }) => void;
}

/** Input checks with messages that name the argument (instead of a JSON pointer). */
const argsValidator: jsonSchemaValidator = {
  getValidator<T>(schema: JsonSchemaType) {
    return (input: unknown) => {
      const { args, problems } = parseArgs(schema as JsonSchema, input);
      return problems.length
        ? { valid: false as const, data: undefined, errorMessage: problems.join(" ") }
        : { valid: true as const, data: args as T, errorMessage: undefined };
    };
  },
};

/**
 * Runs one tool call; never throws (a failure is an `isError` result). The account may still be starting
 * (the embedded simulator): the call waits for it.
 */
export async function callTool(def: ToolDef, pending: Account | Promise<Account>, input: Record<string, unknown>,
  opts: ServerOptions = {}): Promise<ToolReply> {
  const { args, problems } = parseArgs(def.inputSchema, input);
  const { max_records: maxRecords, include_samples: includeSamples, ...props } = args;
  const files = new Map<string, Buffer>();
  const sink = {
    write(name: string, data: string | Buffer): string {
      files.set(name, Buffer.isBuffer(data) ? data : Buffer.from(data));
      return name;
    },
  };
  let account: Account | undefined;
  try {
    if (problems.length) throw Object.assign(new Error(problems.join(" ")), { name: "ConfigurationError" });
    account = await pending;
    account.check();
    const run = await runAction(def.component, { props, auth: account.auth, appOverrides: { _send: account.send }, files: sink });
    return shapeReply(def, run, files, {
      maxRecords: maxRecords as number | undefined, includeSamples: includeSamples === true, audioAs: opts.audioAs,
    });
  } catch (err) {
    return errorReply(err, {
      tool: def.name, reconnect: account?.reconnect ?? "Restart the MCP server; its log (stderr) says why it could not start.",
      secrets: account?.secrets() ?? [],
    });
  }
}

/** The server, answering `initialize` and `tools/list` at once; tool calls wait for a pending account. */
export function createServer(account: Account | Promise<Account>, opts: ServerOptions = {}): McpServer {
  const demo = opts.demo ?? (account as Account).kind === "sim";
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, {
    instructions: `Withings health data (${demo ? "simulated demo account" : "the user's account"}). `
      + "Dates accept YYYY-MM-DD. Replies are decoded to real units and capped; each says how to get more.",
  });
  for (const def of toolDefs()) {
    server.registerTool(def.name, {
      title: def.title,
      description: def.description,
      inputSchema: fromJsonSchema(def.inputSchema as JsonSchemaType, argsValidator),
      outputSchema: fromJsonSchema(def.outputSchema as JsonSchemaType),
      annotations: def.annotations,
    }, async (args: unknown) => {
      const t0 = performance.now();
      const reply = await callTool(def, account, (args ?? {}) as Record<string, unknown>, opts);
      opts.onCall?.({ tool: def.name, ms: performance.now() - t0, isError: !!reply.isError });
      return reply as never;
    });
  }
  return server;
}
