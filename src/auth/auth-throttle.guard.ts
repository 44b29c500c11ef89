import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { AppConfig } from '../config/app-config';

/** Slows password guessing and sign-up floods: AUTH_RATE_LIMIT_PER_MIN attempts per client address. */
@Injectable()
export class AuthThrottleGuard implements CanActivate {
  private readonly limit: KeyedRateLimit;

  constructor(config: AppConfig) {
    this.limit = KeyedRateLimit.inMemory({ name: 'sign-in', points: config.authRateLimitPerMin, windowSec: 60, what: 'sign-in attempts' });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await this.limit.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    return true;
  }
}
