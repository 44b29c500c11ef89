import { Transform } from 'class-transformer';
import { trim } from '../../common/dto/transforms';
import { IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** The part every message payload shares; the configured length limit is checked by the pipeline. */
export class MessageContentDto {
  @Transform(trim) @IsString() @IsNotEmpty({ message: 'body must not be empty' })
  body: string;

  @IsOptional() @IsString() @Length(1, 128)
  tempId?: string;
}

/** `roomMessage` payload. */
export class SendDirectMessageDto extends MessageContentDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;
}

/** `NEW_MESSAGE` payload. */
export class SendChannelMessageDto extends MessageContentDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  channelId: string;
}
