/**
 * Staff accounts and sessions: argon2id passwords (@node-rs/argon2, m=19456 KiB, t=2),
 * a random session token in an HttpOnly SameSite=Strict cookie (the database keeps only
 * its HMAC under the desk's secret), a CSRF token per session for every form and API
 * call, and a login rate limit.
 */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const SESSION_COOKIE = 'zuban_desk';
export const LOGIN_CSRF_COOKIE = 'zuban_desk_login';
export const SESSION_TTL_MS = 12 * 3600_000;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so both cases take as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(crypto.randomBytes(16).toString('hex')));
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** What the database stores for a session token. */
export function sessionId(secret: string, token: string): string {
  return crypto.createHmac('sha256', secret).update(token).digest('base64url');
}

/** Constant-time equality of two tokens. */
export function sameToken(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Failed logins per key (user name, address) in a sliding window; over the limit, logins
 * are refused until the window passes, right password or not.
 */
export class LoginLimiter {
  private readonly fails = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const t = this.now();
    const list = (this.fails.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (list.length) this.fails.set(key, list);
    else this.fails.delete(key);
    return list;
  }

  /** Seconds until `keys` may try again; 0 when they may now. */
  blockedFor(keys: string[]): number {
    let wait = 0;
    for (const k of keys) {
      const list = this.recent(k);
      if (list.length >= this.max) wait = Math.max(wait, Math.ceil((list[0] + this.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  fail(keys: string[]): void {
    for (const k of keys) this.fails.set(k, [...this.recent(k), this.now()]);
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.fails.delete(k);
  }
}

/** Is `host` a loopback address (the only kind the desk serves on without a configured secret)? */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
