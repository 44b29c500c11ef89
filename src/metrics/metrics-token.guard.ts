import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * /metrics tells an attacker about load and users: with METRICS_TOKEN set it needs
 * `Authorization: Bearer <token>`; unset it is open in development and closed in production.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.metricsToken;
    if (expected === undefined) return true;
    if (expected === null) throw new AppError('AUTH.INVALID_TOKEN', 'metrics are closed: set METRICS_TOKEN to scrape them');
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    // Hashes have equal lengths, so the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(given), digest(expected))) throw new AppError('AUTH.INVALID_TOKEN', 'metrics need Authorization: Bearer <METRICS_TOKEN>');
    return true;
  }
}
