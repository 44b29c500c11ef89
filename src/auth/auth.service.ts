import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { UserSummary } from '../persistence/models';
import { DuplicateKeyError, UserRepository } from '../persistence/ports';
import { AuthTokens } from './auth-tokens';
import { AuthResponseDto, LoginDto, RegisterDto } from './dto/auth.dto';
import { KnownUsers } from './known-users';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class AuthService {
  // Verified against when the user is unknown, so both failures take the same time.
  private readonly decoyHash = this.hasher.hash('decoy-password');

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AuthTokens,
    private readonly throttle: LoginThrottle,
    private readonly knownUsers: KnownUsers,
  ) {}

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      const user = await this.users.create({ username: dto.username, email: dto.email.toLowerCase(), passwordHash });
      return this.session(user);
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw new AppError('USER.EXISTS', `${err.field} is already taken`);
      throw err;
    }
  }

  /** `address` is the client's limit key (ClientAddress): failures are counted per it and per username. */
  async login(dto: LoginDto, address: string): Promise<AuthResponseDto> {
    await this.throttle.assertAllowed(dto.username, address);
    const user = await this.users.findCredentials(dto.username);
    const ok = await this.hasher.verify(dto.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !ok) {
      await this.throttle.failed(dto.username, address);
      throw new AppError('AUTH.INVALID_CREDENTIALS', 'invalid username or password');
    }
    await this.throttle.succeeded(dto.username, address);
    return this.session(user);
  }

  async me(userId: string): Promise<UserSummary> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('AUTH.INVALID_TOKEN', 'user no longer exists');
    return { id: user.id, username: user.username };
  }

  searchUsers(query: string | undefined): Promise<UserSummary[]> {
    return this.users.search(query ?? '', 20);
  }

  /** The users that exist among these ids, as summaries (unknown ids are left out). */
  async usersByIds(ids: string[]): Promise<UserSummary[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.users.findById(id)));
    return found.filter((u) => u !== null).map((u) => ({ id: u.id, username: u.username }));
  }

  private session(user: UserSummary): AuthResponseDto {
    this.knownUsers.remember(user.id);
    return { accessToken: this.tokens.sign(user), user: { id: user.id, username: user.username } };
  }
}
