import { EventEmitter2 } from '@nestjs/event-emitter';
import { ChatSocket } from '../common/ws/server-events';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { MessageRepository } from '../persistence/ports';
import { RoomAccess } from '../rooms/room-access.service';
import { AcceptedMessages } from './accepted-messages';
import { DIRECT_DELIVERY } from './delivery-kind';
import { DeliveryNotifier } from './delivery-notifier';
import { MessageCreatedEvent } from './events/message-created.event';
import { MessagePipeline } from './message-pipeline.service';
import { MessageWriteQueue } from './message-write-queue';
import { RateLimiter } from './rate-limiter.service';
import { SequenceService } from './sequence.service';

describe(MessagePipeline.name, () => {
  const config = Object.assign(new AppConfig(), { maxMessageLength: 10, deliveryMode: 'optimistic', persistFlushMs: 5, rateLimitPerSec: 100, rateLimitBurst: 100 });
  let sut: MessagePipeline;
  let full: boolean;
  let events: { emit: jest.Mock };
  let socket: ChatSocket & { emit: jest.Mock };
  let roomEmit: jest.Mock;

  beforeEach(() => {
    full = false;
    events = { emit: jest.fn() };
    roomEmit = jest.fn();
    socket = { data: { user: { id: 'alice', username: 'alice', exp: 0 } }, emit: jest.fn(), to: () => ({ emit: roomEmit }) } as unknown as typeof socket;
    const access = { assertMember: jest.fn().mockResolvedValue({}) } as unknown as RoomAccess;
    const sequences = new SequenceService({ maxSeq: async () => 41 } as unknown as MessageRepository);
    const queue = { isFull: () => full } as unknown as MessageWriteQueue;
    sut = new MessagePipeline(config, access, sequences, new AcceptedMessages(), new RateLimiter(config), queue, {} as DeliveryNotifier, events as unknown as EventEmitter2, new MetricsService());
  });

  it('answers with the next seq at once, then emits Sent and Recieved together, and raises MessageCreated', async () => {
    const ack = await sut.send(DIRECT_DELIVERY, socket, { roomId: 'r', body: 'hi', tempId: 't1' });
    expect(ack).toEqual({ success: true, tempId: 't1', _id: 't1', seq: 42 });
    expect(socket.emit).not.toHaveBeenCalled();
    await new Promise((r) => setImmediate(r));
    expect(socket.emit).toHaveBeenCalledWith('roomMessageSent', expect.objectContaining({ seq: 42, roomId: 'r', isOptimistic: true }));
    expect(roomEmit).toHaveBeenCalledWith('roomMessageRecieved', expect.objectContaining({ seq: 42 }));
    expect(events.emit).toHaveBeenCalledWith(MessageCreatedEvent.eventName, expect.objectContaining({ persisted: false }));
  });

  it('answers a resent tempId with the original seq and no second broadcast', async () => {
    await sut.send(DIRECT_DELIVERY, socket, { roomId: 'r', body: 'hi', tempId: 't1' });
    expect(await sut.send(DIRECT_DELIVERY, socket, { roomId: 'r', body: 'hi', tempId: 't1' })).toEqual({ success: true, tempId: 't1', _id: 't1', seq: 42, duplicate: true });
    expect(events.emit).toHaveBeenCalledTimes(1);
  });

  it('refuses with SERVER.BUSY when the write-behind buffer is full or the server is stopping', async () => {
    full = true;
    await expect(sut.send(DIRECT_DELIVERY, socket, { roomId: 'r', body: 'hi' })).rejects.toMatchObject({ code: 'SERVER.BUSY', extra: { retryAfterMs: 50 } });
    full = false;
    sut.stopAccepting();
    await expect(sut.send(DIRECT_DELIVERY, socket, { roomId: 'r', body: 'hi' })).rejects.toMatchObject({ code: 'SERVER.BUSY' });
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('refuses a body over the configured length with VALIDATION.FAILED', () => {
    expect(() => sut.send(DIRECT_DELIVERY, socket, { roomId: 'r', body: 'x'.repeat(11) })).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });
});
