import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { TokenBuckets } from '../common/rate-limit/token-buckets';
import { AppConfig } from '../config/app-config';

/** Slows password guessing and sign-up floods: AUTH_RATE_LIMIT_PER_MIN attempts per client address. */
@Injectable()
export class AuthThrottleGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(config: AppConfig) {
    this.buckets = new TokenBuckets(config.authRateLimitPerMin / 60, config.authRateLimitPerMin, 'sign-in attempts');
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    this.buckets.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    return true;
  }
}
