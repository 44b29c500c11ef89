import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { RateLimiter } from '../messages/rate-limiter.service';
import { RealtimeService } from '../common/ws/realtime.service';
import { userChannel } from '../common/ws/server-events';
import { AppConfig } from '../config/app-config';
import { SequenceService } from '../messages/sequence.service';
import { Room } from '../persistence/models';
import { MembershipRepository } from '../persistence/ports';
import { RoomAccess } from '../rooms/room-access.service';
import { ReadMarkerDto, ReceiptDto } from './dto/read-marker.dto';

/** Read markers: moved by markRead (socket or REST), announced to the reader's tabs and, in small rooms, to the others. */
@Injectable()
export class ReadMarkers {
  private readonly limit: KeyedRateLimit;

  constructor(
    private readonly config: AppConfig,
    private readonly access: RoomAccess,
    private readonly sequence: SequenceService,
    private readonly memberships: MembershipRepository,
    private readonly realtime: RealtimeService,
    limits: RateLimits,
  ) {
    this.limit = RateLimiter.perUser(config, limits, 'mark-read', 'read markers');
  }

  /**
   * Moves the user's marker forward to `seq`, clamped to the room's position now. Every other
   * socket of the user (all of them when `fromSocketId` is unset) gets readMarker; the other
   * members get readReceipt when the marker moved and the room is small enough.
   */
  async markRead(userId: string, roomId: string, seq: number, fromSocketId?: string): Promise<ReadMarkerDto> {
    const room = await this.access.assertMember(roomId, userId);
    await this.limit.take(userId);
    const marker = await this.memberships.markRead(roomId, userId, await this.clampToPosition(userId, roomId, seq));
    // The membership ended between the check and the write.
    if (!marker) throw new AppError('ROOM.NOT_MEMBER', `you are not a member of ${roomId}`);
    const { lastReadSeq, unread } = marker;
    const tabs = this.realtime.to({ userIds: [userId] });
    (fromSocketId ? tabs.except(fromSocketId) : tabs).emit('readMarker', { roomId, lastReadSeq, unread });
    if (marker.moved && this.sendsReceipts(room)) {
      this.realtime.to({ roomIds: [roomId] }).except(userChannel(userId)).emit('readReceipt', { roomId, userId, lastReadSeq });
    }
    return { roomId, lastReadSeq, unread };
  }

  async receipts(userId: string, roomId: string): Promise<ReceiptDto[]> {
    await this.access.assertMember(roomId, userId);
    return this.memberships.receipts(roomId);
  }

  private sendsReceipts(room: Room): boolean {
    return room.kind === 'direct' || room.memberIds.length <= this.config.readReceiptsMaxMembers;
  }

  /** The position now: the room's counter when known here (this process's, or the cluster's) (it may be ahead of the store), else the highest saved seq. */
  private async clampToPosition(userId: string, roomId: string, seq: number): Promise<number> {
    const known = await this.sequence.last(roomId);
    if (known !== undefined) return Math.min(seq, known);
    const [state] = await this.memberships.readStates(userId, roomId);
    return Math.min(seq, state?.lastSeq ?? 0);
  }
}
