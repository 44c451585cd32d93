/**
 * Failures as tool results an agent can act on (`isError: true`): bad arguments name the argument, Withings
 * failures say what to do (reconnect, wait for the rate limit), and nothing carries a secret.
 */
import { ConfigurationError } from "@pipedream/platform";
import {
  InputError, WithingsAuthError, WithingsError, WithingsRateLimitError, WithingsTimeoutError, redact,
} from "../../../common/errors";
import type { ToolReply } from "./reply";

/** Thrown when no account is connected: the tokens are missing or unusable. */
export class NotConnectedError extends Error {
  override name = "NotConnectedError";
}

export interface ErrorContext {
  tool: string;
  /** What to tell the user to reconnect (e.g. "run `npx withings-mcp login`"). */
  reconnect: string;
  secrets: readonly string[];
}

function advice(err: unknown, ctx: ErrorContext): string {
  if (err instanceof ConfigurationError || err instanceof InputError || (err as Error)?.name === "ConfigurationError") {
    return `Invalid argument for ${ctx.tool}: ${(err as Error).message} Fix the argument and call again.`;
  }
  if (err instanceof NotConnectedError) return `${err.message} ${ctx.reconnect}`;
  if (err instanceof WithingsAuthError) {
    return `${err.message} The stored authorization no longer works: ${ctx.reconnect} Do not retry before that.`;
  }
  if (err instanceof WithingsRateLimitError) return `${err.message} Do not retry at once: wait about a minute, then call ${ctx.tool} once.`;
  if (err instanceof WithingsTimeoutError) return `${err.message}`;
  if (err instanceof WithingsError) return err.message;
  const e = err as Error;
  return `${ctx.tool} failed unexpectedly (${e?.name ?? "Error"}: ${e?.message ?? String(err)}). Try again; if it keeps failing, `
    + "the server's log (stderr) has details.";
}

export function errorReply(err: unknown, ctx: ErrorContext): ToolReply {
  const text = redact(advice(err, ctx), [...ctx.secrets]);
  return {
    content: [{ type: "text", text }],
    isError: true,
  };
}
