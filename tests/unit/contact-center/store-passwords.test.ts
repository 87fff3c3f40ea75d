// Tests for scrypt password hashing and verification.

import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../contact-center/store/passwords';

describe('passwords', () => {
  it('stores hashes as scrypt$N$r$p$salt$hash with base64 salt and hash', () => {
    expect(hashPassword('switchboard')).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
  });

  it('does not contain the password in the hash', () => {
    expect(hashPassword('switchboard')).not.toContain('switchboard');
  });

  it('verifies the right password', () => {
    expect(verifyPassword('switchboard', hashPassword('switchboard'))).toBe(true);
  });

  it('rejects a wrong password', () => {
    expect(verifyPassword('Switchboard', hashPassword('switchboard'))).toBe(false);
  });

  it('salts every hash differently', () => {
    expect(hashPassword('switchboard')).not.toBe(hashPassword('switchboard'));
  });

  it('verifies non-ASCII passwords typed in either Unicode normalization form', () => {
    const composed = 'パスワード'.normalize('NFC');
    expect(verifyPassword(composed.normalize('NFD'), hashPassword(composed))).toBe(true);
  });

  it('returns false for malformed stored hashes instead of throwing', () => {
    for (const stored of ['', 'plain-text', 'scrypt$abc$8$1$c2FsdA==$a2V5', 'bcrypt$16384$8$1$c2FsdA==$a2V5', 'scrypt$16384$8$1$$a2V5']) {
      expect(verifyPassword('switchboard', stored)).toBe(false);
    }
  });

  it('reads the cost parameters from the stored hash, so older hashes keep verifying', () => {
    const salt = randomBytes(16);
    const key = scryptSync('switchboard', salt, 16, { N: 1024, r: 4, p: 2 });
    const stored = `scrypt$1024$4$2$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(verifyPassword('switchboard', stored)).toBe(true);
  });
});
