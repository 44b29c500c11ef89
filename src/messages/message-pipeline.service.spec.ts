import { EventEmitter2 } from '@nestjs/event-emitter';
import { MemoryRateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';
import { MessageRepository } from '../persistence/ports';
import { RoomAccess } from '../rooms/room-access.service';
import { AcceptedMessages } from './accepted-messages';
import { DIRECT_DELIVERY } from './delivery-kind';
import { DurableDelivery } from './durable-delivery';
import { MessageCreatedEvent } from './events/message-created.event';
import { MessageDelivery, Sender } from './message-delivery';
import { MessagePipeline } from './message-pipeline.service';
import { MessageWriteQueue } from './message-write-queue';
import { RateLimiter } from './rate-limiter.service';
import { NodeSequenceService } from './node-sequence.service';
import { ResendAnswers } from './resend-answers';
import { UnsavedAcrossNodes } from './unsaved-across-nodes';
import { UnsavedMessages } from './unsaved-messages';

describe(MessagePipeline.name, () => {
  const config = Object.assign(new AppConfig(), { maxMessageLength: 10, deliveryMode: 'optimistic', persistFlushMs: 5, persistBufferLimit: 1000, persistRetryForMs: 30_000, rateLimitPerSec: 100, rateLimitBurst: 100 });
  const alice: Sender = { id: 'alice', username: 'alice', socketId: 's1' };
  let sut: MessagePipeline;
  let events: { emit: jest.Mock };
  let delivery: { broadcast: jest.Mock; resent: jest.Mock };
  let queue: { admit: jest.Mock };
  let stored: jest.Mock;
  let access: { assertMaySend: jest.Mock };
  let sequences: NodeSequenceService;

  beforeEach(() => {
    events = { emit: jest.fn() };
    delivery = { broadcast: jest.fn(), resent: jest.fn() };
    queue = { admit: jest.fn() };
    stored = jest.fn().mockResolvedValue(null);
    const messages = { reserveSeq: async (_: string, size: number) => 41 + size, findByTempId: stored } as unknown as MessageRepository;
    access = { assertMaySend: jest.fn().mockResolvedValue({}) };
    sequences = new NodeSequenceService(messages);
    const accepted = new AcceptedMessages(messages, config);
    const resends = new ResendAnswers(accepted, new UnsavedAcrossNodes(new UnsavedMessages(), config), delivery as unknown as MessageDelivery);
    sut = new MessagePipeline(config, access as unknown as RoomAccess, sequences, accepted, new RateLimiter(config, new MemoryRateLimits()),
      queue as unknown as MessageWriteQueue, delivery as unknown as MessageDelivery, events as unknown as EventEmitter2, resends,
      new DurableDelivery(queue as unknown as MessageWriteQueue, accepted, sequences, delivery as unknown as MessageDelivery, events as unknown as EventEmitter2));
  });

  it('answers with the next seq, hands the broadcast to the delivery layer, and raises MessageCreated', async () => {
    const ack = await sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi', tempId: 't1' });
    expect(ack).toEqual({ success: true, tempId: 't1', _id: 't1', seq: 42 });
    expect(queue.admit).toHaveBeenCalledTimes(1);
    expect(delivery.broadcast).toHaveBeenCalledWith(DIRECT_DELIVERY, expect.objectContaining({ seq: 42, roomId: 'r', tempId: 't1' }), alice, undefined, 0);
    expect(events.emit).toHaveBeenCalledWith(MessageCreatedEvent.eventName, expect.objectContaining({ persisted: false }));
  });

  it('answers a resent tempId with the original seq and no second broadcast, without reading the store', async () => {
    await sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi', tempId: 't1' });
    expect(await sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi', tempId: 't1' })).toEqual({ success: true, tempId: 't1', _id: 't1', seq: 42, duplicate: true });
    expect(delivery.broadcast).toHaveBeenCalledTimes(1);
    expect(stored).toHaveBeenCalledTimes(1);
  });

  it('answers a late resend (outside the window) from the store: the original id and seq, Confirmed again, no broadcast', async () => {
    const saved = { _id: 'm1', roomId: 'r', seq: 7, tempId: 'old', createdAt: new Date(), duplicate: true };
    stored.mockResolvedValue(saved);
    expect(await sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi', tempId: 'old' })).toEqual({ success: true, tempId: 'old', _id: 'm1', seq: 7, duplicate: true });
    expect(delivery.resent).toHaveBeenCalledWith(DIRECT_DELIVERY, saved, alice);
    expect(delivery.broadcast).not.toHaveBeenCalled();
  });

  it('refuses with SERVER.BUSY when the buffer refuses or the server is stopping', async () => {
    queue.admit.mockImplementationOnce(() => { throw Object.assign(new Error('busy'), { code: 'SERVER.BUSY' }); });
    await expect(sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi' })).rejects.toMatchObject({ code: 'SERVER.BUSY' });
    sut.stopAccepting();
    await expect(sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi' })).rejects.toMatchObject({ code: 'SERVER.BUSY' });
    expect(delivery.broadcast).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('refuses a send that was waiting on its room\'s positions when the stop began, instead of stranding it after the drain', async () => {
    // The stop begins while the send waits on the store lookup, after the first check passed.
    stored.mockImplementationOnce(async () => {
      sut.stopAccepting();
      return null;
    });
    const pending = sut.send(DIRECT_DELIVERY, alice, { roomId: 'cold', body: 'hi', tempId: 'late' });
    await expect(pending).rejects.toMatchObject({ code: 'SERVER.BUSY' });
    expect(queue.admit).not.toHaveBeenCalled();
    expect(delivery.broadcast).not.toHaveBeenCalled();
  });

  it('refuses a send whose sender left (or was blocked) while it waited for its position: no broadcast, the position withdrawn', async () => {
    const withdraw = jest.spyOn(sequences, 'withdraw');
    // Admitted first; the leave lands (and is acknowledged) during the awaits that follow.
    access.assertMaySend.mockResolvedValueOnce({}).mockRejectedValueOnce(Object.assign(new Error('left'), { code: 'ROOM.NOT_MEMBER' }));
    await expect(sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'hi', tempId: 'gone' })).rejects.toMatchObject({ code: 'ROOM.NOT_MEMBER' });
    expect(withdraw).toHaveBeenCalledWith('r', AcceptedMessages.key('r', 'alice', 'gone'));
    expect(queue.admit).not.toHaveBeenCalled();
    expect(delivery.broadcast).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('refuses a body over the configured length with VALIDATION.FAILED', () => {
    expect(() => sut.send(DIRECT_DELIVERY, alice, { roomId: 'r', body: 'x'.repeat(11) })).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });
});
