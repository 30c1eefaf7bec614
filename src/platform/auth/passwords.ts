import { hash, verify } from "@node-rs/argon2";

// argon2id (algorithm 2) with OWASP's second recommended profile: 19 MiB, 2 passes, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * At least 10 characters from three of four classes, not containing the username. Long enough to
 * resist guessing with the lockout in place, short enough that staff do not write it down.
 */
export function isStrongPassword(password: string, username: string): boolean {
  if (password.length < 10 || password.length > 128) return false;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}
