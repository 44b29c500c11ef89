import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `typing` payload. */
export class TypingDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;

  @IsBoolean()
  isTyping: boolean;
}
