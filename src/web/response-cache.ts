/**
 * A small in-memory cache of JSON answers that are pure functions of a key (the ranking: data hash,
 * answers revision, assessments revision, normalised scenario parameters, the viewer's district),
 * sent with a strong ETag; `If-None-Match` with that tag gets 304 without computing anything.
 * Bodies are kept as text and gzip, so a repeated request costs about what a static file costs.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

interface Entry { json: Buffer; gzip: Buffer }

/** JSON with object keys sorted (arrays keep their order), so equal parameters give equal keys. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class JsonResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxEntries = 100, private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The ETag of a key. */
  static etagOf(key: string): string {
    return `"${crypto.createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
  }

  /**
   * Answers a request from the cache: 304 when the client already has this key's body, else the
   * cached body (built with `build` on a miss), gzip when the client accepts it.
   */
  send(req: Request, res: Response, key: string, build: () => unknown): void {
    const etag = JsonResponseCache.etagOf(key);
    res.setHeader('ETag', etag);
    res.vary('Accept-Encoding');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      res.status(304).end();
      return;
    }
    const entry = this.get(key) ?? this.put(key, Buffer.from(JSON.stringify(build())));
    res.type('application/json');
    if (req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(entry.gzip);
    } else {
      res.end(entry.json);
    }
  }

  private get(key: string): Entry | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  private put(key: string, json: Buffer): Entry {
    const entry = { json, gzip: zlib.gzipSync(json, { level: 6 }) };
    this.entries.set(key, entry);
    this.bytes += json.length + entry.gzip.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.json.length + e.gzip.length;
    }
    return entry;
  }
}
