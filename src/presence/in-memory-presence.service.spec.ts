import { InMemoryPresenceService } from './in-memory-presence.service';

describe(InMemoryPresenceService.name, () => {
  let sut: InMemoryPresenceService;
  const alice = { id: 'a', username: 'alice' };
  const bob = { id: 'b', username: 'bob' };

  beforeEach(() => {
    sut = new InMemoryPresenceService();
  });

  it('is online from the first socket to the last', async () => {
    expect(await sut.addUser('s1', alice)).toBe(true);
    expect(await sut.addUser('s2', alice)).toBe(false);
    expect(await sut.isOnline('a')).toBe(true);
    expect(await sut.removeUser('s1')).toEqual({ userId: 'a', wentOffline: false, roomIds: [] });
    expect(await sut.isOnline('a')).toBe(true);
    expect(await sut.removeUser('s2')).toEqual({ userId: 'a', wentOffline: true, roomIds: [] });
    expect(await sut.isOnline('a')).toBe(false);
  });

  it('tracks online members per room and drops them when they go offline', async () => {
    await sut.addUser('s1', alice);
    await sut.addUser('s2', bob);
    await sut.joinRoom('a', 'r1');
    await sut.joinRoom('b', 'r1');
    await sut.joinRoom('a', 'r2');
    expect(await sut.getUsersInRoom('r1')).toEqual([alice, bob]);
    expect(await sut.removeUser('s1')).toEqual({ userId: 'a', wentOffline: true, roomIds: ['r1', 'r2'] });
    expect(await sut.getUsersInRoom('r1')).toEqual([bob]);
    expect(await sut.getUsersInRoom('r2')).toEqual([]);
    await sut.leaveRoom('b', 'r1');
    expect(await sut.stats()).toEqual({ users: 1, sockets: 1, rooms: 0 });
  });

  it('ignores unknown sockets, double registration, and rooms of offline users', async () => {
    expect(await sut.removeUser('nope')).toBeNull();
    await sut.joinRoom('ghost', 'r1');
    await sut.addUser('s1', alice);
    expect(await sut.addUser('s1', alice)).toBe(false);
    expect(await sut.stats()).toEqual({ users: 1, sockets: 1, rooms: 0 });
  });

  it('is empty after 10,000 interleaved connect/disconnect cycles over many users and tabs', async () => {
    const open: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const user = { id: `u${i % 37}`, username: `user${i % 37}` };
      await sut.addUser(`s${i}`, user);
      await sut.joinRoom(user.id, `r${i % 11}`);
      open.push(`s${i}`);
      // Close sockets out of order, sometimes several at once, so users keep several tabs open.
      while (open.length > (i % 5)) await sut.removeUser(open.splice((i * 7) % open.length, 1)[0]);
    }
    for (const socketId of open) await sut.removeUser(socketId);
    expect(await sut.stats()).toEqual({ users: 0, sockets: 0, rooms: 0 });
  });
});
