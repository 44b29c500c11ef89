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
});
