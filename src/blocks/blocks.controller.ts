import { Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser } from '../auth/auth-tokens';
import { CurrentUser, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { BlockList } from './block-list.service';
import { BlockedUsersDto } from './dto/blocked-users.dto';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('users')
export class BlocksController {
  constructor(private readonly blocks: BlockList) {}

  @Get('blocked')
  @ApiOperation({ summary: 'The users I have blocked' })
  @ApiOkResponse({ type: BlockedUsersDto })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<BlockedUsersDto> {
    return { userIds: await this.blocks.list(user.id) };
  }

  @Post(':id/block')
  @HttpCode(204)
  @ApiOperation({ summary: 'Block a user: they can no longer open a DM with me, message me in one, invite or add me (idempotent)' })
  @ApiNoContentResponse({ description: 'blocked' })
  @ApiErrors('USER.NOT_FOUND', ['VALIDATION.FAILED', 'also for blocking yourself'])
  block(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    return this.blocks.block(user.id, id);
  }

  @Delete(':id/block')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unblock a user (idempotent)' })
  @ApiNoContentResponse({ description: 'not blocked (any more)' })
  @ApiErrors('USER.NOT_FOUND', ['VALIDATION.FAILED', 'also for unblocking yourself'])
  unblock(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    return this.blocks.unblock(user.id, id);
  }
}
