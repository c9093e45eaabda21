import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisHealthIndicator, WorkerHealthIndicator } from '@aqtalu/server';
import { Public } from '../auth/authenticated.decorator.js';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly worker: WorkerHealthIndicator,
  ) {}

  /** 200 when PostgreSQL and Redis answer (the worker's silence only degrades it); 503 otherwise. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(2000),
      () => this.redis.ping('redis'),
      () => this.worker.heartbeat('worker'),
    ]);
  }
}
