import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MessageCreatedEvent } from '../../messages/events/message-created.event';
import { UserOfflineEvent } from '../../presence/events/user-offline.event';
import { MembershipChangedEvent } from '../../rooms/events/membership-changed.event';
import { TypingService } from '../typing.service';

/** The ends of typing the client does not announce itself: it sent, it went away, it left. */
@Injectable()
export class TypingEndListener {
  constructor(private readonly typing: TypingService) {}

  @OnEvent(MessageCreatedEvent.eventName)
  messageSent({ message }: MessageCreatedEvent): void {
    this.typing.stop(message.roomId, message.senderId);
  }

  @OnEvent(UserOfflineEvent.eventName)
  userOffline({ userId }: UserOfflineEvent): void {
    this.typing.stopAll(userId);
  }

  @OnEvent(MembershipChangedEvent.eventName)
  membershipChanged({ roomId, userId, kind, remote }: MembershipChangedEvent): void {
    // The deciding node's stop reaches every node's mirror (ClusterTypingRelay).
    if (kind === 'left' && !remote) this.typing.stop(roomId, userId);
  }
}
