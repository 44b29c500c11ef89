import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { RoomSummaryDto } from './dto/room.dto';
import { ListRoomsQuery } from './dto/rooms-query.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  // The body stays an array (as before paging); the continuation travels in headers.
  @Get()
  @ApiOperation({ summary: 'A page of my rooms (direct and channels), most recently active first, each with its last message and unread count' })
  @ApiOkResponse({
    type: [RoomSummaryDto],
    description: 'a page of my rooms; more follow when X-Next-Cursor is set',
    headers: {
      'X-Next-Cursor': { description: 'pass as ?cursor= for the next page; absent on the last page', schema: { type: 'string' } },
      Link: { description: 'rel="next": the next page\'s URL, when there is one', schema: { type: 'string' } },
    },
  })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListRoomsQuery, @Res({ passthrough: true }) res: Response): Promise<RoomSummaryDto[]> {
    const page = await this.rooms.listMine(user.id, q);
    if (page.nextCursor) {
      res.setHeader('X-Next-Cursor', page.nextCursor);
      res.setHeader('Link', `</rooms?limit=${q.limit}&cursor=${page.nextCursor}>; rel="next"`);
    }
    return page.rooms;
  }
}
