import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto/transforms';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsText } from '../../common/dto/text-length';
import { IsNotGuessablePassword } from './password-rules';

export class RegisterDto {
  @ApiProperty({ example: 'swagger_sam', pattern: '^[A-Za-z0-9_.-]{3,32}$' })
  @IsString() @IsText(3, 32) @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'username may use letters, digits, _ . -' })
  username: string;

  @ApiProperty({ example: 'swagger_sam@example.com' })
  @Transform(trim) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 256, example: 'correct horse battery', description: 'not only whitespace, not the username or the email (any case)' })
  @IsString() @IsText(8, 256) @IsNotGuessablePassword()
  password: string;
}

export class LoginDto {
  @ApiProperty({ example: 'swagger_sam' })
  @IsString() @IsText(1, 64)
  username: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString() @IsText(1, 256)
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
  @IsOptional() @IsString() @IsText(0, 64)
  search?: string;

  @ApiPropertyOptional({ description: 'comma-separated user ids (at most 100) to name, e.g. the peers of my direct rooms; `search` is then ignored' })
  @IsOptional() @IsString() @Matches(/^[0-9a-f]{24}(,[0-9a-f]{24}){0,99}$/, { message: 'ids must be up to 100 comma-separated user ids' })
  ids?: string;
}
