import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ErrorResponseDto } from '../common/http/error-response.dto';
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
  @ApiOkResponse({ type: HistoryDto, description: 'a page of saved messages in ascending seq; `after` pages forwards, otherwise backwards from `before` (or the newest)' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_MEMBER' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_FOUND' })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('roomId') roomId: string, @Query() q: HistoryQueryDto): Promise<HistoryDto> {
    await this.access.assertMember(roomId, user.id);
    return this.messages.history(roomId, { before: q.before, after: q.after, limit: q.limit });
  }
}
