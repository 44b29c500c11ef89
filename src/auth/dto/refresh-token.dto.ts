import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `auth:refresh` payload: a fresh token for the same user, so a long-lived socket outlives its first token. */
export class RefreshTokenDto {
  @IsString() @IsNotEmpty() @MaxLength(4096)
  token: string;
}
