import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { MessageRepository } from '../persistence/ports';
import { RoomAccess } from '../rooms/room-access.service';
import { HistoryDto, HistoryQueryDto } from './dto/history.dto';

@ApiTags('messages')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('rooms')
export class MessagesController {
  constructor(
    private readonly access: RoomAccess,
    private readonly messages: MessageRepository,
  ) {}

  @Get(':roomId/messages')
  @ApiOperation({ summary: 'A page of a room\'s saved history, by seq cursors' })
  @ApiOkResponse({ type: HistoryDto, description: 'a page of saved messages in ascending seq; `after` pages forwards, otherwise backwards from `before` (or the newest)' })
  @ApiErrors('ROOM.NOT_FOUND', 'ROOM.NOT_MEMBER')
  async history(@CurrentUser() user: AuthenticatedUser, @Param('roomId') roomId: string, @Query() q: HistoryQueryDto): Promise<HistoryDto> {
    await this.access.assertMember(roomId, user.id);
    return this.messages.history(roomId, { before: q.before, after: q.after, limit: q.limit });
  }
}
