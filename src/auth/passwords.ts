/**
 * Password hashing with scrypt, Node's built-in memory-hard key derivation function (Percival,
 * "Stronger key derivation via sequential memory-hard functions", 2009; RFC 7914). Parameters follow
 * OWASP's Password Storage Cheat Sheet for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per hash).
 * Stored as `scrypt$N$r$p$saltB64$hashB64`, so parameters can be raised later without breaking old hashes.
 */
import crypto from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Default cost parameters (OWASP minimum for scrypt). */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Minimum password length accepted by `validatePassword`. */
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const key = await derive(password, salt, { N, r, p });
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/**
 * A hash with the default parameters of a random password nobody knows (it was thrown away when
 * this was made). Sign-in checks the given password against it when the account does not exist,
 * so an unknown name costs the same scrypt work as a wrong password (no user enumeration by timing).
 */
export const DECOY_HASH = 'scrypt$131072$8$1$iHgejxKJjN+/eGOHWryPXw==$X9SDeCTcqjMW7n5IsepM8U/JV5oU6x5VDG1TxEcc4Jg=';

/** Returns a message when a password is too weak, else null. */
export function validatePassword(password: string): 'short' | 'long' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'short';
  if (password.length > 200) return 'long';
  return null;
}

/** A random secret token (URL-safe base64) and its SHA-256 hash (what is stored). */
export function newSecret(bytes = 32): { token: string; hash: string } {
  const token = crypto.randomBytes(bytes).toString('base64url');
  return { token, hash: hashSecret(token) };
}

/** SHA-256 of a high-entropy secret (session ids, API tokens): enough, since they are random, not chosen. */
export function hashSecret(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
