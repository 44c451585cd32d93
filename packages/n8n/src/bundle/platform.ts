/**
 * What the components import from @pipedream/platform, for the n8n bundle: the error class and the
 * polling default. Platform axios is never called here (n8n replaces the app's `_send`).
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export const DEFAULT_POLLING_SOURCE_TIMER_INTERVAL = 15 * 60;

export function axios(): never {
  throw new Error('Platform HTTP is not available in n8n: requests go through the n8n credential');
}
