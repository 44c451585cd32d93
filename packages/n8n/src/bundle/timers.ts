/**
 * Build-time stand-ins for the timer globals the core uses (retry backoff, per-attempt deadline): n8n's
 * Cloud rules forbid `setTimeout` in a node package, so esbuild injects these, which wait with
 * n8n-workflow's own `sleepWithAbort`. Clearing a timer aborts its wait.
 */
import { sleepWithAbort } from 'n8n-workflow';

interface Handle {
  controller: AbortController;
}

function schedule(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle {
  const controller = new AbortController();
  sleepWithAbort(Math.max(0, Number(ms) || 0), controller.signal).then(
    () => fn(...args),
    () => undefined,
  );
  return { controller };
}

function cancel(handle?: Handle): void {
  if (handle && typeof handle === 'object' && handle.controller) handle.controller.abort();
}

export { schedule as setTimeout, cancel as clearTimeout };
