import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { MarkReadDto, ReadMarkerDto, RoomSummaryDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @ApiOperation({ summary: 'My rooms (direct and channels), each with its last message and unread count' })
  @ApiOkResponse({ type: [RoomSummaryDto], description: 'my rooms, with last message and unread count' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<RoomSummaryDto[]> {
    return this.rooms.listMine(user.id);
  }

  @Post(':roomId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move my read marker forward to a seq (it never moves back)' })
  @ApiOkResponse({ type: ReadMarkerDto })
  @ApiErrors('ROOM.NOT_FOUND', 'ROOM.NOT_MEMBER')
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('roomId') roomId: string, @Body() dto: MarkReadDto): Promise<ReadMarkerDto> {
    return this.rooms.markRead(user.id, roomId, dto.seq);
  }
}
