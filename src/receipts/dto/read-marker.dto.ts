import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/dto/transforms';

export class MarkReadDto {
  @ApiProperty({ description: 'a position: the seq of the last message read; clamped to the room\'s position now; the marker never moves back', minimum: 0 })
  @IsInt() @Min(0)
  seq: number;
}

/** `markRead` payload. */
export class MarkRoomReadDto extends MarkReadDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;
}

export class ReadMarkerDto {
  @ApiProperty() roomId: string;
  @ApiProperty({ description: 'the marker now stored' }) lastReadSeq: number;
  @ApiProperty({ description: 'messages by others past the marker' }) unread: number;
}

export class ReceiptDto {
  @ApiProperty() userId: string;
  @ApiProperty() lastReadSeq: number;
}
