// Hashes and verifies agents' CCP login passwords with scrypt, stored as `scrypt$N$r$p$salt$hash` (base64)
// so the cost parameters travel with each hash and can be raised later without breaking old ones.

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt cost: 2^14 with r=8 takes ~50 ms and 16 MiB, fine for a handful of logins on a local server. */
const COST = 16384;
const BLOCK_SIZE = 8;
const PARALLELIZATION = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

/** Returns a self-describing hash of the password with a fresh random salt. */
export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  const key = derive(password, salt, COST, BLOCK_SIZE, PARALLELIZATION, KEY_BYTES);
  return [PREFIX, COST, BLOCK_SIZE, PARALLELIZATION, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
export function verifyPassword(password: string, storedHash: string): boolean {
  const parsed = parseStoredHash(storedHash);
  if (!parsed) return false;
  const key = derive(password, parsed.salt, parsed.cost, parsed.blockSize, parsed.parallelization, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

interface ParsedHash {
  cost: number;
  blockSize: number;
  parallelization: number;
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(storedHash: string): ParsedHash | null {
  const parts = storedHash.split('$');
  if (parts.length !== 6) return null;
  const [prefix, costText = '', blockSizeText = '', parallelizationText = '', saltText = '', keyText = ''] = parts;
  const cost = Number(costText);
  const blockSize = Number(blockSizeText);
  const parallelization = Number(parallelizationText);
  const isPowerOfTwo = Number.isInteger(cost) && cost > 1 && (cost & (cost - 1)) === 0;
  if (prefix !== PREFIX || !isPowerOfTwo || !isPositiveInteger(blockSize) || !isPositiveInteger(parallelization)) return null;
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length === 0 || key.length === 0) return null;
  return { cost, blockSize, parallelization, salt, key };
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function derive(password: string, salt: Buffer, cost: number, blockSize: number, parallelization: number, keyBytes: number): Buffer {
  // Node's default maxmem (32 MiB) is too small for costs above 2^14; allow what the parameters need.
  const maxmem = 128 * cost * blockSize * parallelization + 32 * 1024 * 1024;
  return scryptSync(password.normalize('NFC'), salt, keyBytes, { N: cost, r: blockSize, p: parallelization, maxmem });
}
