import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto/transforms';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MessageDto } from '../../messages/dto/history.dto';

export class RoomDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['direct', 'channel'] }) kind: 'direct' | 'channel';
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty() isPrivate: boolean;
  @ApiProperty({ type: [String] }) memberIds: string[];
  @ApiProperty() createdAt: Date;
}

export class RoomSummaryDto extends RoomDto {
  @ApiPropertyOptional({ type: MessageDto, nullable: true }) lastMessage: MessageDto | null;
  @ApiProperty() unreadCount: number;
}

/** Payload of joinRoom / leaveRoom. */
export class RoomIdDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;
}
