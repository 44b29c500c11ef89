import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { addressKey } from '../common/http/client-address';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';

/** Slows sign-up floods: AUTH_RATE_LIMIT_PER_MIN registrations per client address (logins: LoginThrottle). */
@Injectable()
export class AuthThrottleGuard implements CanActivate {
  private readonly limit: KeyedRateLimit;

  constructor(config: AppConfig, limits: RateLimits) {
    this.limit = limits.create({ name: 'register', points: config.authRateLimitPerMin, windowSec: 60, what: 'registrations' });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await this.limit.take(addressKey(req.ip ?? req.socket.remoteAddress));
    return true;
  }
}
