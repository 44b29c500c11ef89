import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class SenderDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
}

export class MessageDto {
  @ApiProperty() _id: string;
  @ApiProperty() roomId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ description: 'position of the last change (= seq until edited)' }) rev: number;
  @ApiProperty({ type: SenderDto }) sender: SenderDto;
  @ApiProperty() body: string;
  @ApiProperty() tempId: string;
  @ApiProperty() createdAt: Date;
}

export class HistoryDto {
  @ApiProperty({ type: [MessageDto], description: 'ascending seq' }) messages: MessageDto[];
  @ApiProperty({ description: 'more messages exist beyond this page in the paging direction' }) hasMore: boolean;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'only messages with seq < before (page backwards)', minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  before?: number;

  @ApiPropertyOptional({ description: 'only messages with seq > after (page forwards)', minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 50;
}
