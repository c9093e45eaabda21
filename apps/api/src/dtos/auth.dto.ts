import { ApiProperty } from '@nestjs/swagger';
import { Role, type LoginResponse, type SessionUser } from '@aqtalu/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@aqtalu.local' })
  @IsEmail({}, { message: 'email must be an e-mail address, e.g. name@example.kz' })
  email!: string;

  @ApiProperty({ example: 'Aqtalu-demo-2026' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1024)
  password!: string;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: 'ALM' }) regionCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SPEC-MVD' }) archiveCode!: string | null;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
}
