import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per account (`email:<address>`, known or not, so the answer never tells which) and
 * per client address (`ip:<address>`), with the time before which the next attempt is refused.
 */
@Entity({ name: 'login_throttles' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt!: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
