import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { RoomSummaryDto } from './dto/room.dto';
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
}
