import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { SessionUser } from '@aqtalu/contracts';
import { AuthService } from '@aqtalu/server';
import { Authenticated, Public } from '../auth/authenticated.decorator.js';
import { LocalAuthGuard } from '../auth/auth.guards.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { LoginDto, LoginResponseDto, SessionUserDto } from '../dtos/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges an e-mail and password for an access token. */
  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or a disabled account' })
  login(@Body() _credentials: LoginDto, @CurrentUser() user: SessionUser): Promise<LoginResponseDto> {
    return this.auth.issueTokens(user);
  }

  /** The signed-in user. */
  @Authenticated()
  @Get('me')
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: SessionUser): SessionUserDto {
    return user;
  }
}
