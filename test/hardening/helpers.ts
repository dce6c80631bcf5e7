import crypto from 'node:crypto';
import net from 'node:net';
import type { Db } from '../../src/db/connection';
import { createSession } from '../../src/auth/sessions';
import { SESSION_COOKIE } from '../../src/web/auth-middleware';
import type { Role } from '../../src/db/users-repo';
import { testUser } from '../helpers/auth';

/** A browser-like session for a user of the role: the Cookie header and the session's CSRF token. Reading with it writes nothing. */
export async function sessionFor(db: Db, role: Role, district?: string | null): Promise<{ cookie: string; csrf: string; name: string }> {
  const user = await testUser(db, role, district);
  const { cookie, session } = createSession(db, user, Date.now());
  return { cookie: `${SESSION_COOKIE}=${cookie}`, csrf: session.csrfToken, name: user.name };
}

/** SHA-256 of the whole database image (`serialize()`): equal hashes mean byte-identical databases. */
export function dbImageHash(db: Db): string {
  return crypto.createHash('sha256').update(db.serialize()).digest('hex');
}

/**
 * Sends raw bytes to a server and returns what comes back, for requests no HTTP client will
 * send (a body shorter than its Content-Length, then a half-closed socket).
 */
export function rawRequest(url: string, bytes: Buffer | string, { halfClose = true, timeoutMs = 5000 } = {}): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error('no answer'));
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!m) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status: Number(m[1]), text });
    });
  });
}
