import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_LENGTH } from '../../model/account.js';

/** Cost of new hashes: N = 2^15, r = 8, p = 1 (32 MiB and about 0.1 s per hash on a laptop). */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min) return `a password needs at least ${PASSWORD_LENGTH.min} characters (it has ${length})`;
  if (length > PASSWORD_LENGTH.max) return `a password may have at most ${PASSWORD_LENGTH.max} characters`;
  return undefined;
}

/** Letters and digits of generated passwords: no look-alikes (0/o, 1/l/i), so they can be read out and typed. */
const GENERATED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A new random password for an account the owner makes or resets: four groups of four
 * characters (about 79 bits), such as `k7mq-3tzp-vw9c-h2xe`.
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * Hash a password with scrypt and a random salt, as `scrypt$N$r$p$salt$key` (base64url parts).
 * @example const stored = await hashPassword('correct horse battery')
 */
export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new TypeError(problem);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * True when the password matches a stored hash. The comparison takes the same time wherever the
 * keys differ; a malformed stored value is simply no match.
 * @example if (await verifyPassword(given, account.passwordHash)) …
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || [...password].length > PASSWORD_LENGTH.max) return verifyNoAccount(password);
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/**
 * Spend the same work as checking a real password, for a name that has no account, so response
 * time does not tell which account names exist.
 */
export async function verifyNoAccount(password: string): Promise<false> {
  const dummy = parseHash(await dummyHash()) as ParsedHash;
  await derive(password.slice(0, PASSWORD_LENGTH.max), dummy.salt, dummy.key.length, dummy.cost);
  return false;
}

let dummyHashPromise: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummyHashPromise ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHashPromise;
}

interface ParsedHash {
  cost: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  // Bounds keep a tampered hash from asking for gigabytes of memory.
  if (![N, r, p].every(Number.isSafeInteger) || N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16)
    return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { cost: { N, r, p }, salt, key };
}

function derive(password: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
