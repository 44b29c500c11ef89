import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../common/ws/realtime.service';
import { ChatSocket } from '../common/ws/server-events';
import { MetricsService } from '../metrics/metrics.service';
import { NewMessage, SavedMessage, UserSummary } from '../persistence/models';
import { DeliveryKind, toConfirmation, toWireMessage } from './delivery-kind';
import { RoomEmitOrder } from './room-emit-order';
import { SaveFailure } from './save-failure';

/** Who sent a message, and from which socket (none when it came over REST or another node). */
export interface Sender extends UserSummary {
  socketId?: string;
}

export const socketSender = ({ id, data }: ChatSocket): Sender => ({ id: data.user.id, username: data.user.username, socketId: id });

/**
 * The transport half of the pipeline: every emit of a message's life. The pipeline decides;
 * this layer emits, through the Socket.IO server's rooms, so any caller can drive it.
 */
@Injectable()
export class MessageDelivery {
  private readonly order = new RoomEmitOrder();

  constructor(
    private readonly realtime: RealtimeService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * `...Sent` to the sending socket, `...Recieved` to every other socket of the room and, in
   * durable mode, `...Confirmed` after them. Deferred so the sender's ack leaves first; all in
   * one setImmediate (a FIFO queue), so every socket sees seq order and Confirmed last.
   * `holdMs` (cluster mode): wait that long first for another node's earlier position.
   */
  broadcast(kind: DeliveryKind, message: NewMessage, sender: Sender, saved?: SavedMessage, holdMs = 0): void {
    this.metrics.accepted.inc({ kind: kind.roomKind });
    const wire = toWireMessage(kind, message, sender, saved?._id ?? message.tempId, !saved);
    this.order.later(message.roomId, holdMs, () => {
      if (sender.socketId) this.realtime.socket(sender.socketId)?.emit(kind.sent, wire);
      this.realtime.to({ roomIds: [message.roomId] }).except(sender.socketId ?? []).emit(kind.received, wire);
      if (saved) this.emitConfirmed(kind, saved, sender.id);
    });
  }

  /** Resolves once no broadcast is held back (shutdown). */
  held(): Promise<void> {
    return this.order.idle();
  }

  /** After any held broadcast of the room: a Confirmed never overtakes its message. */
  confirmed(kind: DeliveryKind, saved: SavedMessage, senderId: string): void {
    this.order.now(saved.roomId, () => this.emitConfirmed(kind, saved, senderId));
  }

  private emitConfirmed(kind: DeliveryKind, saved: SavedMessage, senderId: string): void {
    this.metrics.confirmed.inc({ kind: kind.roomKind });
    // The sender's own channel too: a sending socket that left the room still hears back.
    this.realtime.to({ roomIds: [saved.roomId], userIds: [senderId] }).emit(kind.confirmed, toConfirmation(kind, saved));
  }

  /** A resend of a saved message: Confirmed again, to the resending socket only. */
  resent(kind: DeliveryKind, saved: SavedMessage, sender: Sender): void {
    if (sender.socketId) this.realtime.socket(sender.socketId)?.emit(kind.confirmed, toConfirmation(kind, saved));
  }

  failed(kind: DeliveryKind, message: NewMessage, err: unknown): void {
    this.metrics.failed.inc({ kind: kind.roomKind });
    const error = err instanceof SaveFailure ? err : new SaveFailure('STORE.UNAVAILABLE', 'the message could not be saved', true);
    const failure = { tempId: message.tempId, [kind.idField]: message.roomId, error: { code: error.code, message: error.message }, retryable: error.retryable };
    // Like Confirmed: never before the message it fails.
    this.order.now(message.roomId, () => this.realtime.to({ roomIds: [message.roomId], userIds: [message.senderId] }).emit(kind.failed, failure));
  }
}
