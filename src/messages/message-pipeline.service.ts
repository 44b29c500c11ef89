import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { validationFailed } from '../common/errors/validation';
import { ChatSocket, roomChannel } from '../common/ws/server-events';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { NewMessage } from '../persistence/models';
import { RoomAccess } from '../rooms/room-access.service';
import { AcceptedMessage, AcceptedMessages } from './accepted-messages';
import { DeliveryKind, toConfirmation, toWireMessage } from './delivery-kind';
import { DeliveryNotifier } from './delivery-notifier';
import { MessageCreatedEvent } from './events/message-created.event';
import { KeyedLanes } from './keyed-lanes';
import { MessageWriteQueue } from './message-write-queue';
import { RateLimiter } from './rate-limiter.service';
import { SequenceService } from './sequence.service';

export interface SendInput {
  roomId: string;
  body: string;
  tempId?: string;
}

export interface SendAck {
  success: true;
  tempId: string;
  _id: string;
  seq: number;
  duplicate?: true;
}

/** The one delivery pipeline (DESIGN.md section 5), shared by DMs and channels. */
@Injectable()
export class MessagePipeline {
  private accepting = true;
  private readonly lanes = new KeyedLanes();

  constructor(
    private readonly config: AppConfig,
    private readonly access: RoomAccess,
    private readonly sequences: SequenceService,
    private readonly accepted: AcceptedMessages,
    private readonly rateLimiter: RateLimiter,
    private readonly queue: MessageWriteQueue,
    private readonly notifier: DeliveryNotifier,
    private readonly events: EventEmitter2,
    private readonly metrics: MetricsService,
  ) {}

  /** Shutdown: refuse new messages with SERVER.BUSY from now on. */
  stopAccepting(): void {
    this.accepting = false;
  }

  send(kind: DeliveryKind, socket: ChatSocket, input: SendInput): Promise<SendAck> {
    if (input.body.length > this.config.maxMessageLength) {
      throw validationFailed([{ field: 'body', errors: [`body must be at most ${this.config.maxMessageLength} characters`] }]);
    }
    // Wrapped so a durable save runs outside the lane: saves of one room still share a batch.
    return this.lanes.run(input.roomId, () => this.accept(kind, socket, input)).then((accepted) => accepted.ack);
  }

  private async accept(kind: DeliveryKind, socket: ChatSocket, input: SendInput): Promise<{ ack: SendAck | Promise<SendAck> }> {
    const sender = socket.data.user;
    await this.access.assertMember(input.roomId, sender.id, kind.roomKind);
    await this.sequences.prepare(input.roomId);
    // No await from here to the broadcast: seq order is delivery order.
    const tempId = input.tempId ?? randomUUID();
    const key = AcceptedMessages.key(input.roomId, sender.id, tempId);
    const prior = this.accepted.get(key);
    if (prior) return { ack: this.answerResend(kind, socket, tempId, prior) };
    this.admit(sender.id);
    const message: NewMessage = {
      roomId: input.roomId,
      seq: this.sequences.next(input.roomId),
      senderId: sender.id,
      body: input.body,
      tempId,
      createdAt: new Date(),
    };
    this.accepted.add(key, { seq: message.seq, createdAt: message.createdAt });
    if (this.config.deliveryMode === 'durable') return { ack: this.saveThenDeliver(kind, socket, message, key) };
    this.deliver(kind, socket, message, tempId, true);
    return { ack: { success: true, tempId, _id: tempId, seq: message.seq } };
  }

  private admit(senderId: string): void {
    if (!this.accepting) throw new AppError('SERVER.BUSY', 'the server is shutting down', { retryAfterMs: 1000 });
    if (this.queue.isFull()) {
      const retryAfterMs = Math.max(50, this.config.persistFlushMs * 10);
      throw new AppError('SERVER.BUSY', 'too many unsaved messages: retry shortly', { retryAfterMs });
    }
    this.rateLimiter.take(senderId);
  }

  private deliver(kind: DeliveryKind, socket: ChatSocket, message: NewMessage, id: string, optimistic: boolean): void {
    const sender = socket.data.user;
    this.metrics.accepted.inc({ kind: kind.roomKind });
    const wire = toWireMessage(kind, message, sender, id, optimistic);
    // The ack leaves first, so a room of thousands never delays the sender's answer; both
    // emits share one setImmediate (a FIFO queue), so every socket still sees seq order.
    const room = socket.to(roomChannel(message.roomId));
    setImmediate(() => {
      socket.emit(kind.sent, wire);
      room.emit(kind.received, wire);
    });
    this.events.emit(MessageCreatedEvent.eventName, new MessageCreatedEvent(kind, message, sender, !optimistic));
  }

  /** DELIVERY_MODE=durable: the seed's save-first design, kept for comparison. */
  private async saveThenDeliver(kind: DeliveryKind, socket: ChatSocket, message: NewMessage, key: string): Promise<SendAck> {
    try {
      const saved = await this.queue.save(message);
      this.deliver(kind, socket, message, saved._id, false);
      this.notifier.confirmed(kind, saved, message.senderId);
      return { success: true, tempId: message.tempId, _id: saved._id, seq: saved.seq };
    } catch (err) {
      this.accepted.forget(key);
      throw err;
    }
  }

  /** A tempId already accepted: no second broadcast, the original seq, and Confirmed again if saved. */
  private answerResend(kind: DeliveryKind, socket: ChatSocket, tempId: string, prior: AcceptedMessage): SendAck {
    if (prior.saved) socket.emit(kind.confirmed, toConfirmation(kind, prior.saved));
    return { success: true, tempId, _id: prior.saved?._id ?? tempId, seq: prior.seq, duplicate: true };
  }
}
