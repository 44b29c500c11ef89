import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppError, storeUnavailable } from '../common/errors/app-error';
import { UserRepository } from '../persistence/ports';

const CACHE_SIZE = 50_000;
const CACHE_TTL_MS = 60_000;

/**
 * A signature proves who issued a token, not that its user still exists: a token of a
 * deleted (or never stored) user must not read rooms or reach a foreign key in a write.
 * Users seen recently are remembered briefly so a handshake or request costs no store read;
 * only existing users are cached, so a refused id is asked again next time.
 */
@Injectable()
export class KnownUsers {
  private readonly seen = new LRUCache<string, true>({ max: CACHE_SIZE, ttl: CACHE_TTL_MS });

  constructor(private readonly users: UserRepository) {}

  /** Throws AUTH.INVALID_TOKEN for an unknown user, STORE.UNAVAILABLE when the store cannot say. */
  async assertExists(userId: string): Promise<void> {
    if (this.seen.has(userId)) return;
    const user = await this.users.findById(userId).catch((err: unknown) => {
      throw storeUnavailable(err, 'user lookup failed');
    });
    if (!user) throw new AppError('AUTH.INVALID_TOKEN', 'the token belongs to no user');
    this.remember(userId);
  }

  /** A user the store just answered for (signed up or in): the first connect needs no lookup. */
  remember(userId: string): void {
    this.seen.set(userId, true);
  }
}
