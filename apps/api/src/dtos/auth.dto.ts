import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, type LoginResponse, type SessionUser } from '@aqtalu/contracts';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@aqtalu.local' })
  @IsEmail({}, { message: 'email must be an e-mail address, e.g. name@example.kz' })
  email!: string;

  @ApiProperty({ example: 'Aqtalu-demo-2026' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ description: 'The 6-digit code of the authenticator app, for users with a second factor', example: '123456' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode must be the 6 digits shown by the authenticator app' })
  totpCode?: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh' })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' })
  code!: string;
}

export class TotpSetupDto {
  @ApiProperty({ description: 'Base32 secret, for typing into the app by hand' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// URI, for a QR code' }) otpauthUri!: string;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: 'ALM' }) regionCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SPEC-MVD' }) archiveCode!: string | null;
  @ApiProperty() totpEnabled!: boolean;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque; each use at /api/auth/refresh returns a new one' }) refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt!: string;
  @ApiProperty({ description: 'The account must set up a second factor before anything else' }) totpEnrolmentRequired!: boolean;
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
}
