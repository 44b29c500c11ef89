import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { RoomDto } from '../rooms/dto/room.dto';
import { RoomsService } from '../rooms/rooms.service';

@ApiTags('direct-messages')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('direct')
export class DirectMessagesController {
  constructor(private readonly rooms: RoomsService) {}

  @Post(':userId')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomDto, description: 'the direct room of you and that user, created on first call (idempotent, symmetric)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER.NOT_FOUND' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION.FAILED: a room with yourself' })
  open(@CurrentUser() user: AuthenticatedUser, @Param('userId') userId: string): Promise<RoomDto> {
    return this.rooms.openDirect(user.id, userId);
  }
}
