import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ApiErrors } from '../common/http/api-errors.decorator';
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
  @ApiOperation({ summary: 'Open (or get) the direct room of me and another user' })
  @ApiOkResponse({ type: RoomDto, description: 'the direct room of you and that user, created on first call (idempotent, symmetric)' })
  @ApiErrors('USER.NOT_FOUND', ['VALIDATION.FAILED', 'also for a room with yourself'])
  open(@CurrentUser() user: AuthenticatedUser, @Param('userId') userId: string): Promise<RoomDto> {
    return this.rooms.openDirect(user.id, userId);
  }
}
