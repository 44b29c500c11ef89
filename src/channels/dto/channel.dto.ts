import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDisplayText } from '../../common/dto/display-text';
import { IsText } from '../../common/dto/text-length';
import { trim } from '../../common/dto/transforms';
import { RoomDto } from '../../rooms/dto/room.dto';

export class CreateChannelDto {
  @ApiProperty({ minLength: 1, maxLength: 80, description: 'unique among public channels, ignoring case; length in code points', example: 'swagger-lounge' })
  @Transform(trim) @IsString() @IsText(1, 80) @IsDisplayText()
  name: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'length in code points', example: 'tried from /docs' })
  @IsOptional() @Transform(trim) @IsString() @IsText(0, 500)
  description?: string;

  @ApiPropertyOptional({ default: false, description: 'private channels are joined by invitation only' })
  @IsOptional() @IsBoolean()
  isPrivate?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'users added at once (the creator is added as owner)', example: [] })
  @IsOptional() @ArrayMaxSize(1000) @ArrayUnique() @IsString({ each: true }) @IsNotEmpty({ each: true })
  memberIds?: string[];
}

export class ListChannelsQuery {
  @ApiPropertyOptional({ description: 'substring of the channel name', maxLength: 80 })
  @IsOptional() @IsString() @IsText(0, 80)
  search?: string;

  @ApiPropertyOptional({ description: 'cursor: nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit: number = 50;
}

export class ListMembersQuery {
  @ApiPropertyOptional({ description: 'the X-Next-Cursor header of the previous page (absent on the last page)' })
  @IsOptional() @IsString() @MaxLength(120)
  after?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;
}

export class InviteDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64)
  userId: string;
}

/** joinChannel / leaveChannel payload. */
export class ChannelIdDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  channelId: string;
}

/** inviteToChannel payload. */
export class InviteToChannelDto extends InviteDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  channelId: string;
}

export class ChannelPageDto {
  @ApiProperty({ type: [RoomDto] }) channels: RoomDto[];
  @ApiProperty() hasMore: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as `after` for the next page' }) nextCursor: string | null;
}

export class MemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['owner', 'admin', 'member'] }) role: string;
  @ApiProperty() joinedAt: Date;
  @ApiProperty() online: boolean;
}
