import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { SessionUser } from '@aqtalu/contracts';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { REDIS } from '../queue/redis.module.js';

interface Entry {
  user: SessionUser;
  familyId: string;
  expiresAt: number;
}

/** Most sign-ins a process keeps; the least recently used goes first. */
export const sessionCacheCapacity = 10_000;

/**
 * The signed-in user behind an access token, kept for a few seconds (SESSION_CACHE_MS) so that a request does
 * not read the user and the sign-in again. Revocation (disabling, logout, rights or password changes) drops the
 * entries at once in this process and, through Redis pub/sub, in every other process of the installation.
 *
 * The cache only answers while its subscription is live: while Redis is unreachable every request reads the
 * database, so a revocation missed by a disconnected process can never be served from its cache.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private live = false;
  /** Bumped by every revocation: a look-up that began before one does not fill the cache. */
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {
    this.ttlMs = config.sessionCacheMs ?? 0;
    this.channel = `${config.queuePrefix}:identity:revoked`;
  }

  onModuleInit(): void {
    if (!this.redis || this.ttlMs === 0) return;
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: false });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined); // the health check reports Redis; the cache just stops answering
    subscriber.on('close', () => this.goDark());
    subscriber.on('end', () => this.goDark());
    // (re)connected: subscribe, and start empty, since whatever was revoked while we were away is unknown
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => {
          this.clear();
          this.live = true;
        },
        () => this.goDark(),
      );
    });
    subscriber.on('message', (_channel: string, message: string) => this.apply(message));
  }

  /** Whether the cache answers (its subscription to revocations is live). */
  get active(): boolean {
    return this.live;
  }

  async onApplicationShutdown(): Promise<void> {
    this.goDark();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** The cached user of this sign-in, or undefined (then read it and `remember` it). */
  get(familyId: string, userId: string): SessionUser | undefined {
    if (!this.live) return undefined;
    const key = `${familyId}:${userId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) return undefined;
    this.entries.set(key, entry);
    return entry.user;
  }

  /** Call before the look-up; hand the result to `remember`. */
  begin(): number {
    return this.generation;
  }

  /** Keeps a user read since `begin()`, unless a revocation came in between. */
  remember(familyId: string, user: SessionUser, begun: number): void {
    if (!this.live || begun !== this.generation) return;
    const key = `${familyId}:${user.id}`;
    this.entries.delete(key);
    this.entries.set(key, { user, familyId, expiresAt: Date.now() + this.ttlMs });
    while (this.entries.size > sessionCacheCapacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Every sign-in of the user ends or changes: call once the change is committed. */
  revokeUser(userId: string): Promise<void> {
    return this.revoke(`user:${userId}`);
  }

  /** One sign-in ends: call once the change is committed. */
  revokeFamily(familyId: string): Promise<void> {
    return this.revoke(`family:${familyId}`);
  }

  private async revoke(message: string): Promise<void> {
    this.apply(message);
    if (!this.redis || this.ttlMs === 0) return;
    try {
      await this.redis.publish(this.channel, message);
    } catch (error) {
      // Redis is down: the other processes' subscriptions are down too, so their caches are not answering
      this.logger.warn(`could not publish a session revocation (${message}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private apply(message: string): void {
    this.generation += 1;
    const [kind, id] = message.split(':') as [string, string | undefined];
    if (!id) return;
    for (const [key, entry] of this.entries) {
      if ((kind === 'user' && entry.user.id === id) || (kind === 'family' && entry.familyId === id)) this.entries.delete(key);
    }
  }

  private goDark(): void {
    this.live = false;
    this.clear();
  }

  private clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
