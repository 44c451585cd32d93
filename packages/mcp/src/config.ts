/** Where the server's settings come from: the environment and a few flags. Nothing here is ever printed with a token. */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export type Env = Record<string, string | undefined>;

/** The user's config folder: %APPDATA% on Windows, Application Support on macOS, XDG elsewhere. */
export function configDir(env: Env = process.env, platform: string = process.platform): string {
  if (platform === "win32" && env.APPDATA) return join(env.APPDATA, "withings-mcp");
  if (platform === "darwin") return join(env.HOME || homedir(), "Library", "Application Support", "withings-mcp");
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "withings-mcp");
}

export const tokenFileOf = (env: Env = process.env): string => env.WITHINGS_TOKEN_FILE || join(configDir(env), "tokens.json");

export interface Settings {
  command: "serve" | "login" | "help";
  transport: "stdio" | "http";
  port: number;
  /** Serve the simulator even when an account is configured. */
  demo: boolean;
  audioAs: "audio" | "resource";
}

export const USAGE = `Usage: withings-mcp [login] [--http [--port N]] [--demo]

  withings-mcp              MCP server over stdio (the default for desktop clients)
  withings-mcp --http       Streamable HTTP on http://127.0.0.1:3333/mcp (--port to change)
  withings-mcp login        Connect your Withings account (paste-the-code flow); tokens go to
                            WITHINGS_TOKEN_FILE (default ${tokenFileOf()}), owner-only
  --demo                    Serve the built-in simulator's demo account even when an account is set

With no account configured the server runs against a built-in Withings simulator and its demo user.
Environment: WITHINGS_CLIENT_ID, WITHINGS_CLIENT_SECRET, WITHINGS_REDIRECT_URI (login), WITHINGS_TOKEN_FILE,
WITHINGS_MCP_AUDIO=resource (stethoscope WAV as an embedded resource instead of audio content).`;

export function parseSettings(argv: string[], env: Env = process.env): Settings {
  const s: Settings = { command: "serve", transport: "stdio", port: 3333, demo: env.WITHINGS_MCP_DEMO === "1", audioAs: "audio" };
  if (env.WITHINGS_MCP_AUDIO === "resource") s.audioAs = "resource";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "login") s.command = "login";
    else if (a === "serve" || a === "mcp") s.command = "serve";
    else if (a === "--help" || a === "-h" || a === "help") s.command = "help";
    else if (a === "--http") s.transport = "http";
    else if (a === "--stdio") s.transport = "stdio";
    else if (a === "--demo") s.demo = true;
    else if (a === "--port") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port needs a port number, got "${argv[i] ?? ""}"`);
      s.port = n;
    } else throw new Error(`Unknown argument "${a}".\n\n${USAGE}`);
  }
  return s;
}

/** A real account when asked for one (client id, token file setting) or when a token file exists. */
export function wantsRealAccount(env: Env = process.env): boolean {
  return !!(env.WITHINGS_CLIENT_ID || env.WITHINGS_TOKEN_FILE || existsSync(tokenFileOf(env)));
}
