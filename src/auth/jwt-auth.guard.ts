import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { AuthenticatedUser, AuthTokens } from './auth-tokens';
import { KnownUsers } from './known-users';

type AuthedRequest = Request & { user?: AuthenticatedUser };

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** REST guard: a valid `Authorization: Bearer <jwt>` of an existing user, or 401 with AUTH.* code. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AuthTokens,
    private readonly knownUsers: KnownUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const user = this.tokens.verify(bearerToken(req.headers.authorization));
    await this.knownUsers.assertExists(user.id);
    req.user = user;
    return true;
  }
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest<AuthedRequest>().user!,
);
