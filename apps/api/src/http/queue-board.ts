import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { allQueues, hasPermission, Permission, type SessionUser } from '@aqtalu/contracts';
import { APP_CONFIG, AuditService, AuthService, jwtAlgorithm, REDIS, type AccessTokenClaims, type AppConfig } from '@aqtalu/server';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { parseCookie } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/jwt.strategy.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';
import type { QueueTicketResponse } from '@aqtalu/contracts';

export const queueBoardPath = '/admin/queues';
const ticketAudience = 'aqtalu-queues-ticket';
const sessionAudience = 'aqtalu-queues';
const cookieName = 'aqtalu_queues';
const ticketSeconds = 60;
const sessionSeconds = 3600;

interface BoardClaims extends AccessTokenClaims {
  aud: string;
}

/**
 * The queues' board is a page of its own, opened from the back office, which holds its token in memory:
 * an administrator asks for a one-minute ticket here and opens `/admin/queues?ticket=…`, which trades it
 * for an HttpOnly cookie valid on that path only, bound to the same sign-in (logging out ends it).
 */
@ApiTags('admin')
@Controller('admin/queues')
export class QueueBoardController {
  constructor(
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  @Authenticated({ permission: Permission.QueuesView })
  @Post('ticket')
  @HttpCode(200)
  @ApiAnswer('QueueTicketResponse')
  async ticket(@CurrentUser() user: SessionUser & Pick<AuthenticatedUser, 'familyId'>): Promise<QueueTicketResponse> {
    const ticket = await this.jwt.signAsync({ sub: user.id, role: user.role, fid: user.familyId }, { audience: ticketAudience, expiresIn: ticketSeconds, jwtid: randomUUID() });
    await this.audit.record({ action: 'queues.open', entityType: 'user', entityId: user.id });
    return { url: `${queueBoardPath}?ticket=${encodeURIComponent(ticket)}`, expiresIn: ticketSeconds };
  }
}

/** Mounts bull-board (read-only: jobs are re-run through the audited API, e.g. an evidence recheck) behind its own sign-in check. */
export function mountQueueBoard(app: NestExpressApplication): void {
  const jwt = app.get(JwtService);
  const auth = app.get(AuthService);
  const redis = app.get<Redis>(REDIS);
  const { queuePrefix } = app.get<AppConfig>(APP_CONFIG);
  /** A ticket opens the board once: a link copied from a log or a browser history is worthless. */
  const firstUse = async (ticket: string) => {
    const { jti } = jwt.decode(ticket) as { jti?: string };
    return Boolean(jti) && (await redis.set(`${queuePrefix}:queues-ticket:${jti}`, '1', 'EX', ticketSeconds * 2, 'NX')) === 'OK';
  };
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(queueBoardPath);
  createBullBoard({
    queues: allQueues.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Aqtalu queues' } },
  });

  const refuse = (response: Response, status: number, message: string) => response.status(status).type('text/plain; charset=utf-8').send(message);
  const verify = async (token: string, audience: string): Promise<SessionUser | null> => {
    const claims = await jwt.verifyAsync<BoardClaims>(token, { audience, algorithms: [jwtAlgorithm], issuer: 'aqtalu' }).catch(() => null);
    if (!claims) return null;
    const user = await auth.userOfToken(claims);
    return user && hasPermission(user.role, Permission.QueuesView) ? user : null;
  };

  const guard = async (request: Request, response: Response, next: NextFunction) => {
    try {
      const ticket = typeof request.query.ticket === 'string' ? request.query.ticket : null;
      if (ticket) {
        const user = await verify(ticket, ticketAudience);
        if (!user) return refuse(response, 401, 'This link has expired or is not an administrator\'s: open Queues again from the back office.');
        if (!(await firstUse(ticket))) return refuse(response, 401, 'This link was used already: open Queues again from the back office.');
        const session = await jwt.signAsync({ sub: user.id, role: user.role, fid: (jwt.decode(ticket) as BoardClaims).fid }, { audience: sessionAudience, expiresIn: sessionSeconds });
        response.cookie(cookieName, session, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: queueBoardPath, maxAge: sessionSeconds * 1000 });
        return response.redirect(303, queueBoardPath);
      }
      const token = parseCookie(request.headers.cookie ?? '')[cookieName];
      if (!token) return refuse(response, 401, 'Sign in to the back office as an administrator and open Queues from its menu.');
      if (!(await verify(token, sessionAudience))) return refuse(response, 403, 'The queues are shown to administrators only, while they are signed in.');
      next();
    } catch (error) {
      next(error);
    }
  };
  app.use(queueBoardPath, guard, serverAdapter.getRouter());
}
