import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto/transforms';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNotGuessablePassword } from './password-rules';

export class RegisterDto {
  @ApiProperty({ example: 'swagger_sam', pattern: '^[A-Za-z0-9_.-]{3,32}$' })
  @IsString() @Length(3, 32) @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'username may use letters, digits, _ . -' })
  username: string;

  @ApiProperty({ example: 'swagger_sam@example.com' })
  @Transform(trim) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 256, example: 'correct horse battery', description: 'not only whitespace, not the username or the email (any case)' })
  @IsString() @MinLength(8) @MaxLength(256) @IsNotGuessablePassword()
  password: string;
}

export class LoginDto {
  @ApiProperty({ example: 'swagger_sam' })
  @IsString() @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString() @Length(1, 256)
  password: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
}

export class AuthResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class SearchUsersQuery {
  @ApiPropertyOptional({ description: 'substring of the username', maxLength: 64 })
  @IsOptional() @IsString() @MaxLength(64)
  search?: string;
}
