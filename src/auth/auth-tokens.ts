import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/errors/app-error';
import { UserSummary } from '../persistence/models';

/** Who a verified token speaks for, and until when (epoch seconds). */
export interface AuthenticatedUser extends UserSummary {
  exp: number;
}

interface TokenClaims {
  sub: string;
  username: string;
  exp: number;
}

@Injectable()
export class AuthTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(user: UserSummary): string {
    return this.jwt.sign({ sub: user.id, username: user.username });
  }

  /** Throws AUTH.TOKEN_EXPIRED or AUTH.INVALID_TOKEN. */
  verify(token: string | undefined): AuthenticatedUser {
    if (!token) throw new AppError('AUTH.INVALID_TOKEN', 'missing token');
    try {
      const claims = this.jwt.verify<TokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.username !== 'string') throw new Error('bad claims');
      return { id: claims.sub, username: claims.username, exp: claims.exp };
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError') throw new AppError('AUTH.TOKEN_EXPIRED', 'token expired');
      throw new AppError('AUTH.INVALID_TOKEN', 'invalid token');
    }
  }
}
