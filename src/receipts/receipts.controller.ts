import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { MarkReadDto, ReadMarkerDto, ReceiptDto } from './dto/read-marker.dto';
import { ReadMarkers } from './read-markers.service';

@ApiTags('rooms')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('rooms')
export class ReceiptsController {
  constructor(private readonly markers: ReadMarkers) {}

  @Post(':roomId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move my read marker forward to a seq (clamped to the room\'s position; it never moves back); my sockets get readMarker' })
  @ApiOkResponse({ type: ReadMarkerDto })
  @ApiErrors('VALIDATION.FAILED', 'ROOM.NOT_FOUND', 'ROOM.NOT_MEMBER', 'RATE.LIMITED')
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('roomId') roomId: string, @Body() dto: MarkReadDto): Promise<ReadMarkerDto> {
    return this.markers.markRead(user.id, roomId, dto.seq);
  }

  @Get(':roomId/receipts')
  @ApiOperation({ summary: 'Every member\'s read marker in a room' })
  @ApiOkResponse({ type: [ReceiptDto] })
  @ApiErrors('ROOM.NOT_FOUND', 'ROOM.NOT_MEMBER')
  receipts(@CurrentUser() user: AuthenticatedUser, @Param('roomId') roomId: string): Promise<ReceiptDto[]> {
    return this.markers.receipts(user.id, roomId);
  }
}
