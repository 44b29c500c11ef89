import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export const SYNC_MAX_ROOMS = 500;
export const SYNC_DEFAULT_LIMIT = 100;
export const SYNC_MAX_LIMIT = 500;

export class SyncRoomDto {
  @IsString() @IsNotEmpty() @MaxLength(64)
  roomId: string;

  /** The last position the client holds (0: none). */
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  afterSeq: number;
}

/** `sync` payload (DESIGN.md 10). */
export class SyncDto {
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(SYNC_MAX_ROOMS) @ValidateNested({ each: true }) @Type(() => SyncRoomDto)
  rooms: SyncRoomDto[];

  // Clamped rather than refused: a client asking for more gets hasMore and pages.
  @IsOptional() @IsInt() @Min(1) @Transform(({ value }: { value: unknown }) => (Number.isInteger(value) ? Math.min(value as number, SYNC_MAX_LIMIT) : value))
  limit: number = SYNC_DEFAULT_LIMIT;
}
