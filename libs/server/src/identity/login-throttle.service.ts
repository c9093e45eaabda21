import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

  async recordFailure(email: string, ip: string | null): Promise<void> {
    for (const { key, rule } of this.keys(email, ip)) {
      await this.dataSource.query(
        `INSERT INTO login_throttles AS t (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, now(), NULL)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
           last_failure_at = now()`,
        [key, throttleRules.windowSeconds],
      );
      await this.dataSource.query(
        `UPDATE login_throttles SET blocked_until = CASE WHEN failures >= $2
           THEN now() + make_interval(secs => least($4, $3 * power(2, failures - $2))) ELSE NULL END
         WHERE key = $1`,
        [key, rule.freeFailures, rule.baseDelaySeconds, throttleRules.maxDelaySeconds],
      );
    }
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
