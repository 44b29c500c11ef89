import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors/app-error';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';

const DAY_SEC = 24 * 60 * 60;
const PAIR_BLOCK_SEC = 60 * 60;

/**
 * rate-limiter-flexible's "login endpoint protection": consecutive failures per
 * username+address (reset by a success), and a looser count per address. Keying the strict
 * limit by the pair means an attacker's guesses lock alice out only where the attacker is,
 * never from her own address. Only failures count, so a user who signs in is never slowed.
 */
@Injectable()
export class LoginThrottle {
  private readonly byPair: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(config: AppConfig, limits: RateLimits) {
    this.byPair = limits.counter({ keyPrefix: 'login-fail-pair', points: config.loginFailsPerUserIp, duration: DAY_SEC });
    this.byAddress = limits.counter({ keyPrefix: 'login-fail-ip', points: config.loginFailsPerIpPerDay, duration: DAY_SEC });
  }

  /** Throws RATE.LIMITED (retryAfterMs) when either count is spent; checked before the password, which costs scrypt. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const [pair, addr] = await Promise.all([this.byPair.get(pairKey(username, address)), this.byAddress.get(address)]);
    const spent = [refusal(pair, this.byPair.points), refusal(addr, this.byAddress.points)].filter((ms) => ms > 0);
    if (!spent.length) return;
    const retryAfterMs = Math.max(...spent);
    throw new AppError('RATE.LIMITED', `too many failed sign-ins: retry in ${retryAfterMs} ms`, { retryAfterMs });
  }

  async failed(username: string, address: string): Promise<void> {
    const key = pairKey(username, address);
    const [pair, addr] = await Promise.all([this.byPair.penalty(key), this.byAddress.penalty(address)]);
    if (pair.consumedPoints >= this.byPair.points) await this.byPair.block(key, PAIR_BLOCK_SEC);
    if (addr.consumedPoints >= this.byAddress.points) await this.byAddress.block(address, DAY_SEC);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.byPair.delete(pairKey(username, address));
  }
}

const pairKey = (username: string, address: string): string => `${username.toLowerCase()}_${address}`;

/** Milliseconds until the count frees up, or 0 while attempts remain. */
function refusal(res: RateLimiterRes | null, points: number): number {
  return res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext)) : 0;
}
