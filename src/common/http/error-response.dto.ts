import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_STATUS } from '../errors/app-error';

class FieldErrorDto {
  @ApiProperty() field: string;
  @ApiProperty({ type: [String] }) errors: string[];
}

/** The body of every REST error. */
export class ErrorResponseDto {
  @ApiProperty({ example: 403 }) statusCode: number;
  @ApiProperty({ enum: Object.keys(ERROR_STATUS), example: 'ROOM.NOT_MEMBER' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) details?: FieldErrorDto[];
  @ApiPropertyOptional() retryAfterMs?: number;
}
