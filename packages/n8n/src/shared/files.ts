/** Files an action makes (ECG strip chart, stethoscope WAV) become n8n binary data on the first item. */
import type { IBinaryKeyData } from 'n8n-workflow';

export interface Collected {
  key: string;
  fileName: string;
  data: Buffer;
  mimeType: string;
}

const MIME: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  wav: 'audio/wav',
  json: 'application/json',
  csv: 'text/csv',
};

/** The `files` sink the core writes to; each file's binary property name goes where its path would. */
export class BinarySink {
  readonly files: Collected[] = [];

  write(name: string, data: string | Buffer): string {
    const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? 'bin').toLowerCase();
    let key = ext;
    for (let i = 2; this.files.some((f) => f.key === key); i++) key = `${ext}${i}`;
    this.files.push({
      key,
      fileName: name,
      data: typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data),
      mimeType: MIME[ext] ?? 'application/octet-stream',
    });
    return key;
  }

  async toBinary(prepare: (data: Buffer, fileName: string, mimeType: string) => Promise<IBinaryKeyData[string]>): Promise<IBinaryKeyData | undefined> {
    if (!this.files.length) return undefined;
    const out: IBinaryKeyData = {};
    for (const f of this.files) out[f.key] = await prepare(f.data, f.fileName, f.mimeType);
    return out;
  }
}
