/**
 * Build-time stand-ins for the timer globals the core uses (retry backoff, per-attempt deadline): n8n's
 * Cloud rules forbid `setTimeout` in a node package, so esbuild injects these, which wait with
 * n8n-workflow's own helpers: `sleepWithAbort` where n8n has it (a cleared timer stops waiting), else
 * `sleep` (a cleared timer never fires).
 */
import * as workflow from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal?: AbortSignal) => Promise<void>;

interface Handle {
  controller: AbortController;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  const withAbort = (workflow as unknown as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort;
  if (typeof withAbort === 'function') return withAbort(ms, signal);
  return workflow.sleep(ms).then(() => {
    if (signal.aborted) throw new Error('cleared');
  });
}

function schedule(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle {
  const controller = new AbortController();
  wait(Math.max(0, Number(ms) || 0), controller.signal).then(
    () => fn(...args),
    () => undefined,
  );
  return { controller };
}

function cancel(handle?: Handle): void {
  if (handle && typeof handle === 'object' && handle.controller) handle.controller.abort();
}

export { schedule as setTimeout, cancel as clearTimeout };
