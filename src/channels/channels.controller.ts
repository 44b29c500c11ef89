import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { RoomDto } from '../rooms/dto/room.dto';
import { ChannelsService } from './channels.service';
import { ChannelPageDto, CreateChannelDto, InviteDto, ListChannelsQuery, MemberDto } from './dto/channel.dto';

@ApiTags('channels')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_FOUND | USER.NOT_FOUND' })
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiCreatedResponse({ type: RoomDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CHANNEL.NAME_TAKEN: public channel names are unique, ignoring case' })
  create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreateChannelDto): Promise<RoomDto> {
    return this.channels.create(me, dto);
  }

  @Get()
  @ApiOkResponse({ type: ChannelPageDto, description: 'public channels and my private ones, oldest first' })
  list(@CurrentUser() me: AuthenticatedUser, @Query() q: ListChannelsQuery): Promise<ChannelPageDto> {
    return this.channels.list(me, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_MEMBER: a private channel' })
  get(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string): Promise<RoomDto> {
    return this.channels.get(me, id);
  }

  @Get(':id/members')
  @ApiOkResponse({ type: [MemberDto] })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_MEMBER: a private channel' })
  members(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string): Promise<MemberDto[]> {
    return this.channels.members(me, id);
  }

  @Post(':id/join')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'CHANNEL.PRIVATE' })
  join(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string): Promise<RoomDto> {
    return this.channels.join(me, id);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ success: true, channelId }' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_MEMBER' })
  async leave(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string) {
    await this.channels.leave(me, id);
    return { success: true, channelId: id };
  }

  @Post(':id/invite')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'ROOM.NOT_MEMBER | CHANNEL.FORBIDDEN (private: owner or admin only)' })
  invite(@CurrentUser() me: AuthenticatedUser, @Param('id') id: string, @Body() dto: InviteDto): Promise<RoomDto> {
    return this.channels.invite(me, id, dto.userId);
  }
}
