import { MemoryRateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';
import { SequenceService } from '../messages/sequence.service';
import { UnsavedMessages } from '../messages/unsaved-messages';
import { MessageRepository } from '../persistence/ports';
import { RoomAccess } from '../rooms/room-access.service';
import { SYNC_MAX_MESSAGES, TimelineService } from './timeline.service';
import { UnsavedAcrossNodes } from '../messages/unsaved-across-nodes';

describe(TimelineService.name, () => {
  const stream = jest.fn().mockResolvedValue({ messages: [], hasMore: false, lastSeq: 0 });
  const sut = new TimelineService(
    { assertMember: jest.fn().mockResolvedValue({}) } as unknown as RoomAccess,
    { stream } as unknown as MessageRepository,
    { last: () => undefined } as unknown as SequenceService,
    new UnsavedAcrossNodes(new UnsavedMessages(), new AppConfig()),
    new MemoryRateLimits(),
  );
  const rooms = (n: number) => Array.from({ length: n }, (_, i) => ({ roomId: `r${i}`, afterSeq: 0 }));

  beforeEach(() => stream.mockClear());

  it('keeps one answer bounded: the per-room limit shrinks so all rooms together stay within SYNC_MAX_MESSAGES', async () => {
    await sut.sync('u', { rooms: rooms(500), limit: 500 });
    const limits = stream.mock.calls.map((c) => c[2] as number);
    expect(limits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_MAX_MESSAGES);
    expect(new Set(limits)).toEqual(new Set([10]));
  });

  it('keeps the asked limit when the rooms fit', async () => {
    await sut.sync('u', { rooms: rooms(10), limit: 100 });
    expect(stream.mock.calls.every((c) => c[2] === 100)).toBe(true);
  });

  describe('asking the other nodes', () => {
    const after = jest.fn();
    const positions: Record<string, number> = { r0: 5, r1: 9, r2: 3 };
    const withPeers = new TimelineService(
      { assertMember: jest.fn().mockResolvedValue({}) } as unknown as RoomAccess,
      { stream } as unknown as MessageRepository,
      { last: (roomId: string) => Promise.resolve(positions[roomId]) } as unknown as SequenceService,
      { after } as unknown as UnsavedAcrossNodes,
      new MemoryRateLimits(),
    );
    const unsavedAt = (seq: number) => ({ _id: `t${seq}`, roomId: 'r1', seq, rev: seq, body: 'b', tempId: `t${seq}`, createdAt: new Date(), isOptimistic: true });

    it('asks once for all rooms, only those with positions past afterSeq', async () => {
      after.mockResolvedValueOnce({ complete: true, rooms: [[]] });
      const rooms = await withPeers.sync('u', { rooms: [{ roomId: 'r0', afterSeq: 5 }, { roomId: 'r1', afterSeq: 2 }, { roomId: 'r2', afterSeq: 3 }], limit: 100 });
      expect(after.mock.calls).toEqual([[[{ roomId: 'r1', afterSeq: 2, limit: 100 }]]]);
      expect(rooms.map((r) => 'lastSeq' in r && r.lastSeq)).toEqual([5, 9, 3]);
    });

    it('claims no position past what it returned when a node did not answer', async () => {
      after.mockResolvedValueOnce({ complete: false, rooms: [[unsavedAt(4)]] });
      const [room] = await withPeers.sync('u', { rooms: [{ roomId: 'r1', afterSeq: 2 }], limit: 100 });
      expect(room).toMatchObject({ lastSeq: 4, messages: [{ seq: 4 }] });
    });
  });
});

