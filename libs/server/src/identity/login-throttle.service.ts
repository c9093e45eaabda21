import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';

/** Failures tolerated before each further one doubles the wait: per account, and per client address. */
export const throttleRules = {
  email: { freeFailures: 5, baseDelaySeconds: 15 },
  ip: { freeFailures: 20, baseDelaySeconds: 15 },
  maxDelaySeconds: 15 * 60,
  /** Failures older than this are forgotten. */
  windowSeconds: 24 * 3600,
} as const;

export class TooManyAttemptsException extends CodedException<'auth.too_many_attempts'> {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'auth.too_many_attempts', { retryAfterSeconds }, { retryAfterSeconds });
  }
}

/** A block that a failure started: of the account (its e-mail) or of the client address. */
export interface LockOut {
  by: 'account' | 'address';
  failures: number;
  seconds: number;
}

/** Exponential back-off with temporary lockout, kept in PostgreSQL so every API replica sees it. */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private keys(email: string, ip: string | null) {
    return [
      { key: `email:${email.trim().toLowerCase()}`, rule: throttleRules.email },
      ...(ip ? [{ key: `ip:${ip}`, rule: throttleRules.ip }] : []),
    ];
  }

  /** Throws 429 with the seconds to wait while the account or the address is blocked. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const keys = this.keys(email, ip).map((entry) => entry.key);
    const rows: Array<{ wait: number }> = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS wait FROM login_throttles
       WHERE key = ANY($1) AND blocked_until > now()`,
      [keys],
    );
    const wait = Math.max(0, ...rows.map((row) => row.wait));
    if (wait > 0) throw new TooManyAttemptsException(wait);
  }

  /** Counts a failure; answers the blocks it started (an account or an address locked out for a while). */
  async recordFailure(email: string, ip: string | null): Promise<LockOut[]> {
    const lockOuts: LockOut[] = [];
    for (const { key, rule } of this.keys(email, ip)) {
      await this.dataSource.query(
        `INSERT INTO login_throttles AS t (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, now(), NULL)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
           last_failure_at = now()`,
        [key, throttleRules.windowSeconds],
      );
      const [blocked] = await sqlRows<{ failures: number; seconds: number | null }>(
        this.dataSource,
        `UPDATE login_throttles SET blocked_until = CASE WHEN failures >= $2
           THEN now() + make_interval(secs => least($4, $3 * power(2, failures - $2))) ELSE NULL END
         WHERE key = $1
         RETURNING failures, ceil(extract(epoch FROM blocked_until - now()))::int AS seconds`,
        [key, rule.freeFailures, rule.baseDelaySeconds, throttleRules.maxDelaySeconds],
      );
      // a failure is only counted while no block holds (assertAllowed), so a block here is a new one
      if (blocked?.seconds && blocked.seconds > 0) lockOuts.push({ by: key.startsWith('email:') ? 'account' : 'address', failures: blocked.failures, seconds: blocked.seconds });
    }
    return lockOuts;
  }

  /** A successful sign-in clears the account's count; the address keeps its own. */
  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttles WHERE key = $1`, [`email:${email.trim().toLowerCase()}`]);
  }

  /** For an administrator unlocking an account. */
  async clear(email: string): Promise<void> {
    await this.recordSuccess(email);
  }
}
