import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import type { SendAck } from '../common/ws/client-events';
import { validationFailed } from '../common/errors/validation';
import { textProblems } from '../common/dto/text-length';
import { AppConfig } from '../config/app-config';
import { NewMessage } from '../persistence/models';
import { RoomAccess } from '../rooms/room-access.service';
import { AcceptedMessages } from './accepted-messages';
import { DeliveryKind } from './delivery-kind';
import { DurableDelivery } from './durable-delivery';
import { MessageCreatedEvent } from './events/message-created.event';
import { KeyedLanes } from './keyed-lanes';
import { MessageDelivery, Sender } from './message-delivery';
import { MessageWriteQueue } from './message-write-queue';
import { RateLimiter } from './rate-limiter.service';
import { ResendAnswers } from './resend-answers';
import { SequenceService } from './sequence.service';

export interface SendInput {
  roomId: string;
  body: string;
  tempId?: string;
}

export type { SendAck };

/**
 * The one delivery pipeline (DESIGN.md section 5), shared by DMs and channels. It decides
 * (authorise, deduplicate, limit, position, buffer); MessageDelivery does the emitting.
 */
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
    private readonly delivery: MessageDelivery,
    private readonly events: EventEmitter2,
    private readonly resends: ResendAnswers,
    private readonly durable: DurableDelivery,
  ) {}

  /** Shutdown: refuse new messages with SERVER.BUSY from now on. */
  stopAccepting(): void {
    this.accepting = false;
  }

  send(kind: DeliveryKind, sender: Sender, input: SendInput): Promise<SendAck> {
    const problems = textProblems('body', input.body, this.config.maxMessageLength);
    if (problems.length) throw validationFailed([{ field: 'body', errors: problems }]);
    const tempId = input.tempId ?? randomUUID();
    // Limited before the room's lane (in a cluster a Redis round trip, which must not hold the
    // room's next message; limits answer in call order) and before the store lookup, so fresh
    // tempIds cannot buy unlimited reads. A resend still in the window is never limited.
    const limited = this.accepted.get(AcceptedMessages.key(input.roomId, sender.id, tempId)) ? undefined : this.rateLimiter.take(sender.id);
    // Wrapped so a durable save runs outside the lane: saves of one room still share a batch.
    return Promise.resolve(limited)
      .then(() => this.lanes.run(input.roomId, () => this.accept(kind, sender, input, tempId)))
      .then((accepted) => accepted.ack);
  }

  private async accept(kind: DeliveryKind, sender: Sender, input: SendInput, tempId: string): Promise<{ ack: SendAck | Promise<SendAck> }> {
    await this.access.assertMaySend(input.roomId, sender.id, kind.roomKind);
    const key = AcceptedMessages.key(input.roomId, sender.id, tempId);
    const recent = this.accepted.get(key);
    if (recent) return { ack: this.resends.answer(kind, sender, tempId, recent) };
    this.assertAccepting();
    const stored = input.tempId ? await this.accepted.stored(input.roomId, sender.id, tempId) : undefined;
    if (stored) return { ack: this.resends.answer(kind, sender, tempId, stored) };
    const pending = this.sequences.prepare(input.roomId, key, input.body);
    // Cluster mode: the position the cluster took for this tempId before; answered, or its orphan re-accepted under it.
    const taken = pending && (await pending);
    const prior = taken === undefined ? undefined : await this.resends.elsewhere(input.roomId, sender.id, tempId, taken);
    if (prior) return { ack: this.resends.answer(kind, sender, tempId, prior) };
    // No await after these checks to the broadcast: seq order is delivery order. A leave or
    // block acknowledged during the awaits above must stop this send (a cache hit), and a stop
    // that began then has drained the buffer already: refuse rather than strand it.
    try {
      await this.access.assertMaySend(input.roomId, sender.id, kind.roomKind);
      this.assertAccepting();
      this.queue.admit();
    } catch (err) {
      await this.sequences.withdraw(input.roomId, key);
      throw err;
    }
    const holdMs = taken === undefined ? this.sequences.holdMs(key) : 0;
    const seq = taken ?? this.sequences.next(input.roomId, key);
    const message: NewMessage = { roomId: input.roomId, seq, senderId: sender.id, body: input.body, tempId, createdAt: new Date() };
    this.accepted.add(key, { seq: message.seq, createdAt: message.createdAt });
    if (taken !== undefined || this.config.deliveryMode === 'durable') return { ack: this.durable.saveThenDeliver(kind, sender, message, key, taken !== undefined) };
    this.delivery.broadcast(kind, message, sender, undefined, holdMs);
    this.events.emit(MessageCreatedEvent.eventName, new MessageCreatedEvent(kind, message, sender, false));
    return { ack: { success: true, tempId, _id: tempId, seq: message.seq } };
  }

  private assertAccepting(): void {
    if (!this.accepting) throw new AppError('SERVER.BUSY', 'the server is shutting down', { retryAfterMs: 1000 });
  }
}
