import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse } from '@aqtalu/contracts';
import { AuthService, SessionService } from '@aqtalu/server';
import type { Request } from 'express';
import { Authenticated, Public } from '../auth/authenticated.decorator.js';
import { LocalAuthGuard } from '../auth/auth.guards.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthenticatedUser } from '../auth/jwt.strategy.js';
import { clientOf } from '../auth/local.strategy.js';
import { LoginDto, LoginResponseDto, RefreshDto, SessionUserDto, TotpCodeDto, TotpSetupDto } from '../dtos/auth.dto.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';
import type { RevokedSessionsResponse, SignInAgainResponse } from '@aqtalu/contracts';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  /** Exchanges an e-mail and password (and a TOTP code, when set up) for an access and a refresh token. */
  @Public()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @Throttle({ auth: {} })
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, a disabled account, or a TOTP code needed (totpRequired)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins: wait retryAfterSeconds' })
  login(@Body() _credentials: LoginDto, @Req() request: Request & { user: LoginResponse }): LoginResponseDto {
    return request.user;
  }

  /** A new access token and a new refresh token for the current one, which stops working. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: {} })
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  refresh(@Body() body: RefreshDto, @Req() request: Request): Promise<LoginResponseDto> {
    return this.auth.refresh(body.refreshToken, clientOf(request));
  }

  /** Ends the sign-in the refresh token belongs to. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: {} })
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  /** Ends every sign-in of the current user, on every device. */
  @Authenticated({ duringEnrolment: true })
  @Post('logout-all')
  @HttpCode(200)
  @ApiAnswer('RevokedSessionsResponse')
  async logoutEverywhere(@CurrentUser() user: AuthenticatedUser): Promise<RevokedSessionsResponse> {
    return { revokedSessions: await this.auth.logoutEverywhere(user) };
  }

  /** The signed-in user. */
  @Authenticated({ duringEnrolment: true })
  @Get('me')
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: AuthenticatedUser): SessionUserDto {
    const { enrolmentPending: _pending, familyId: _family, ...sessionUser } = user;
    return sessionUser;
  }

  /** Starts setting up a second factor: shows the secret for the authenticator app. */
  @Authenticated({ duringEnrolment: true })
  @Post('totp/setup')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpSetupDto })
  setupTotp(@CurrentUser() user: AuthenticatedUser): Promise<TotpSetupDto> {
    return this.auth.beginTotpEnrolment(user);
  }

  /** Confirms the second factor with a first code; then sign in again with it. */
  @Authenticated({ duringEnrolment: true })
  @Post('totp/confirm')
  @HttpCode(200)
  @ApiAnswer('SignInAgainResponse')
  async confirmTotp(@CurrentUser() user: AuthenticatedUser, @Body() body: TotpCodeDto): Promise<SignInAgainResponse> {
    await this.auth.confirmTotpEnrolment(user, body.code);
    await this.sessions.revokeFamilyOf(user.familyId, 'totp_enabled');
    return { signInAgain: true };
  }
}
