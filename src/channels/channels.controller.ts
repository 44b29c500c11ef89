import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { RoomDto } from '../rooms/dto/room.dto';
import { ChannelsService } from './channels.service';
import { ChannelPageDto, CreateChannelDto, InviteDto, ListChannelsQuery, ListMembersQuery, MemberDto } from './dto/channel.dto';

@ApiTags('channels')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a channel; I become its owner, memberIds are added at once' })
  @ApiCreatedResponse({ type: RoomDto })
  @ApiErrors(['CHANNEL.NAME_TAKEN', 'public channel names are unique, ignoring case'], ['USER.NOT_FOUND', 'an unknown user in memberIds'])
  create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreateChannelDto): Promise<RoomDto> {
    return this.channels.create(me, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Browse public channels and my private ones' })
  @ApiOkResponse({ type: ChannelPageDto, description: 'public channels and my private ones, oldest first' })
  list(@CurrentUser() me: AuthenticatedUser, @Query() q: ListChannelsQuery): Promise<ChannelPageDto> {
    return this.channels.list(me, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One channel' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('ROOM.NOT_FOUND', ['ROOM.NOT_MEMBER', 'a private channel I am not in'])
  get(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string): Promise<RoomDto> {
    return this.channels.get(me, id);
  }

  // The body stays an array (as before paging); the continuation travels in headers, as for GET /rooms.
  @Get(':id/members')
  @ApiOperation({ summary: 'A page of the members of a channel, oldest first, with role and presence' })
  @ApiOkResponse({
    type: [MemberDto],
    headers: {
      'X-Next-Cursor': { description: 'pass as ?after= for the next page; absent on the last page', schema: { type: 'string' } },
      Link: { description: 'rel="next": the next page\'s URL, when there is one', schema: { type: 'string' } },
    },
  })
  @ApiErrors('ROOM.NOT_FOUND', ['ROOM.NOT_MEMBER', 'a private channel I am not in'])
  async members(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string, @Query() q: ListMembersQuery, @Res({ passthrough: true }) res: Response): Promise<MemberDto[]> {
    const page = await this.channels.members(me, id, q);
    if (page.nextCursor) {
      res.setHeader('X-Next-Cursor', page.nextCursor);
      res.setHeader('Link', `</channels/${encodeURIComponent(id)}/members?limit=${q.limit}&after=${page.nextCursor}>; rel="next"`);
    }
    return page.members;
  }

  @Post(':id/join')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join a public channel' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('ROOM.NOT_FOUND', ['CHANNEL.PRIVATE', 'private channels are joined by invitation'])
  join(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string): Promise<RoomDto> {
    return this.channels.join(me, id);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a channel (an owner who leaves hands ownership on)' })
  @ApiOkResponse({ description: '{ success: true, channelId }', example: { success: true, channelId: '6650c0ffee00000000000f00' } })
  @ApiErrors('ROOM.NOT_FOUND', 'ROOM.NOT_MEMBER')
  async leave(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string) {
    await this.channels.leave(me, id);
    return { success: true, channelId: id };
  }

  @Post(':id/invite')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a user to a channel I am in' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors('ROOM.NOT_FOUND', 'USER.NOT_FOUND', 'ROOM.NOT_MEMBER', ['CHANNEL.FORBIDDEN', 'a private channel: owner or admin only'])
  invite(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string, @Body() dto: InviteDto): Promise<RoomDto> {
    return this.channels.invite(me, id, dto.userId);
  }
}
