import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const ROOM_PAGE_DEFAULT = 100;
export const ROOM_PAGE_MAX = 200;

export class ListRoomsQuery {
  @ApiPropertyOptional({ description: 'the X-Next-Cursor header of the previous page (absent on the last page)' })
  @IsOptional() @IsString() @MaxLength(120)
  cursor?: string;

  @ApiPropertyOptional({ default: ROOM_PAGE_DEFAULT, minimum: 1, maximum: ROOM_PAGE_MAX })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(ROOM_PAGE_MAX)
  limit: number = ROOM_PAGE_DEFAULT;
}
