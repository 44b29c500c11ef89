import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { ClientAddress } from '../common/http/client-address';
import { AuthThrottleGuard } from './auth-throttle.guard';
import { AuthService } from './auth.service';
import { AuthenticatedUser } from './auth-tokens';
import { AuthResponseDto, LoginDto, RegisterDto, SearchUsersQuery, UserDto } from './dto/auth.dto';
import { CurrentUser, JwtAuthGuard } from './jwt-auth.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/register')
  @UseGuards(AuthThrottleGuard)
  @ApiOperation({ summary: 'Create an account; answers a token, as login does' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiErrors(['USER.EXISTS', 'the username or the email is taken'], ['RATE.LIMITED', 'too many registrations from this address'])
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.auth.register(dto);
  }

  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; the accessToken goes in `Authorization: Bearer` and in the socket handshake' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors('AUTH.INVALID_CREDENTIALS', ['RATE.LIMITED', 'too many failed sign-ins for this username from this address, or from this address'])
  login(@Body() dto: LoginDto, @ClientAddress() address: string): Promise<AuthResponseDto> {
    return this.auth.login(dto, address);
  }

  @Get('auth/me')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }

  @Get('users')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Find people by a part of their username (to open a direct room), or name users by id' })
  @ApiOkResponse({ type: [UserDto] })
  searchUsers(@Query() query: SearchUsersQuery): Promise<UserDto[]> {
    return query.ids ? this.auth.usersByIds(query.ids.split(',')) : this.auth.searchUsers(query.search);
  }
}
