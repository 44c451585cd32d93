/**
 * The few Node built-ins the core imports besides crypto, for the n8n bundle (n8n's Cloud rules allow no
 * others): `isIP` for notification callback checks, and the /tmp fallback of file output, which the nodes
 * never reach because every run writes files to n8n binary data.
 */
const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIPv6(s: string): boolean {
  if (!s.includes(':') || /[^0-9a-f:.]/i.test(s)) return false;
  try {
    return new URL(`http://[${s}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

export function isIP(s: string): 0 | 4 | 6 {
  if (V4.test(s)) return 4;
  return isIPv6(s) ? 6 : 0;
}

export function writeFileSync(): never {
  throw new Error('n8n nodes write files to binary data, not to disk');
}

export function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}
