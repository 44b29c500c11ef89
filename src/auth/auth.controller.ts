import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/http/error-response.dto';
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
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE.LIMITED' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'USER.EXISTS' })
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.auth.register(dto);
  }

  @Post('auth/login')
  @UseGuards(AuthThrottleGuard)
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE.LIMITED' })
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'AUTH.INVALID_CREDENTIALS' })
  login(@Body() dto: LoginDto): Promise<AuthResponseDto> {
    return this.auth.login(dto);
  }

  @Get('auth/me')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'AUTH.INVALID_TOKEN | AUTH.TOKEN_EXPIRED' })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }

  @Get('users')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: [UserDto] })
  searchUsers(@Query() query: SearchUsersQuery): Promise<UserDto[]> {
    return this.auth.searchUsers(query.search);
  }
}
