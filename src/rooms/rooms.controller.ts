import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { MarkReadDto, ReadMarkerDto, RoomSummaryDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'AUTH.INVALID_TOKEN | AUTH.TOKEN_EXPIRED' })
@UseGuards(JwtAuthGuard)
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @ApiOkResponse({ type: [RoomSummaryDto], description: 'my rooms, with last message and unread count' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<RoomSummaryDto[]> {
    return this.rooms.listMine(user.id);
  }

  @Post(':roomId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadMarkerDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_MEMBER' })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('roomId') roomId: string, @Body() dto: MarkReadDto): Promise<ReadMarkerDto> {
    return this.rooms.markRead(user.id, roomId, dto.seq);
  }
}
