import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../common/dto/transforms';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
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

export class MarkReadDto {
  @ApiProperty({ description: 'the seq of the last message read; the marker never moves back', minimum: 0 })
  @IsInt() @Min(0)
  seq: number;
}

/** `markRead` payload. */
export class MarkRoomReadDto extends MarkReadDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;
}

export class ReadMarkerDto {
  @ApiProperty() roomId: string;
  @ApiProperty() lastReadSeq: number;
}
