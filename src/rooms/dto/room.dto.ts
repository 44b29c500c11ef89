import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
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

/** A room in my list: a DM keeps its 2 memberIds, a channel has memberCount only (GET /channels/:id/members pages them). */
export class RoomSummaryDto extends OmitType(RoomDto, ['memberIds'] as const) {
  @ApiPropertyOptional({ type: [String], description: 'direct rooms only: both members' }) memberIds?: string[];
  @ApiProperty() memberCount: number;
  @ApiProperty({ description: 'the last message\'s time, or when I joined if later: the list is ordered by it, newest first' }) lastActivityAt: Date;
  @ApiPropertyOptional({ type: MessageDto, nullable: true }) lastMessage: MessageDto | null;
  @ApiProperty({ description: 'others\' messages past my read marker, counted up to 1000' }) unreadCount: number;
  @ApiProperty({ description: 'the room\'s highest saved seq' }) lastSeq: number;
  @ApiProperty() lastReadSeq: number;
}

/** Payload of joinRoom / leaveRoom. */
export class RoomIdDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;
}
