// Password hashing for console accounts: argon2id with the library's defaults
// (64 MiB, 3 passes), which OWASP lists as a sound choice for interactive logins.
import { argon2id, hash, verify } from 'argon2';

export const minPasswordLength = 10;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, so the answer time does not tell
 * whether an e-mail address has an account.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
