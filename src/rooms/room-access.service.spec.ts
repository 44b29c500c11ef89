import { AppConfig } from '../config/app-config';
import { Room } from '../persistence/models';
import { RoomRepository } from '../persistence/ports';
import { MembershipChangedEvent } from './events/membership-changed.event';
import { BlockList } from '../blocks/block-list.service';
import { RoomAccess } from './room-access.service';

describe(RoomAccess.name, () => {
  const room = (memberIds: string[]): Room => ({ id: 'r', kind: 'channel', name: 'r', description: null, isPrivate: false, memberIds, createdAt: new Date(0) });
  let reads: Array<(r: Room) => void>;
  let sut: RoomAccess;
  const create = (config: AppConfig) =>
    new RoomAccess({ findById: () => new Promise<Room>((resolve) => reads.push(resolve)) } as unknown as RoomRepository, { assertNotBlockedBy: jest.fn() } as unknown as BlockList, config);
  const warm = async () => {
    const first = sut.assertMember('r', 'carol');
    reads[reads.length - 1](room(['alice', 'carol']));
    await first;
  };

  beforeEach(() => {
    reads = [];
    sut = create(new AppConfig());
  });

  it('cluster mode: reads every room again after changes may have been missed', async () => {
    sut = create(Object.assign(new AppConfig(), { redisUrl: 'redis://x' }));
    await warm();
    sut.forgetAll();
    const afterMiss = sut.assertMember('r', 'carol');
    expect(reads).toHaveLength(2);
    reads[1](room(['alice']));
    await expect(afterMiss).rejects.toMatchObject({ code: 'ROOM.NOT_MEMBER' });
  });


  it('answers from the cache once loaded: one read for many checks', async () => {
    const first = sut.assertMember('r', 'carol');
    reads[0](room(['alice', 'carol']));
    await first;
    await sut.assertMember('r', 'carol');
    await expect(sut.assertMember('r', 'dave')).rejects.toMatchObject({ code: 'ROOM.NOT_MEMBER' });
    expect(reads).toHaveLength(1);
  });

  it('reads again after a membership change', async () => {
    const first = sut.assertMember('r', 'carol');
    reads[0](room(['alice', 'carol']));
    await first;
    sut.forget(new MembershipChangedEvent('r', 'carol', 'left'));
    const second = sut.assertMember('r', 'carol');
    reads[1](room(['alice']));
    await expect(second).rejects.toMatchObject({ code: 'ROOM.NOT_MEMBER' });
  });

  it('discards a read that was under way when a change landed', async () => {
    const check = sut.assertMember('r', 'carol');
    sut.forget(new MembershipChangedEvent('r', 'carol', 'left'));
    reads[0](room(['alice', 'carol']));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(2);
    reads[1](room(['alice']));
    await expect(check).rejects.toMatchObject({ code: 'ROOM.NOT_MEMBER' });
  });
});
