import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RoomSummaryDto } from './dto/room.dto';
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

}
