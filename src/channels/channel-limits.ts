import { Injectable } from '@nestjs/common';
import { validationFailed } from '../common/errors/validation';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';

/** Per-user limits on channel creation (CHANNEL_CREATE_PER_MIN) and invites (INVITES_PER_MIN). */
@Injectable()
export class ChannelLimits {
  private readonly creations: KeyedRateLimit;
  private readonly invites: KeyedRateLimit;

  constructor(private readonly config: AppConfig, limits: RateLimits) {
    this.creations = limits.create({ name: 'channel-create', points: config.channelCreatePerMin, windowSec: 60, what: 'channel creations' });
    this.invites = limits.create({ name: 'channel-invite', points: config.invitesPerMin, windowSec: 60, what: 'invitations' });
  }

  /** VALIDATION.FAILED past MAX_CHANNEL_MEMBERS_PER_CALL (checked first: a refused call is not counted), then RATE.LIMITED. */
  async admitCreate(userId: string, memberIds: string[]): Promise<void> {
    const max = this.config.maxChannelMembersPerCall;
    if (memberIds.length > max) throw validationFailed([{ field: 'memberIds', errors: [`memberIds must contain at most ${max} users per call`] }]);
    await this.creations.take(userId);
  }

  admitInvite(userId: string): Promise<void> {
    return this.invites.take(userId);
  }
}
