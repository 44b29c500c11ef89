import { MessageRepository } from '../persistence/ports';
import { NodeSequenceService, SEQ_BLOCK } from './node-sequence.service';

/** A store's reservation rule, in memory: max(reserved, highest stored) + size. */
class FakePositions {
  reserved = new Map<string, number>();
  highest = 0;
  calls = 0;
  failing = false;
  async reserveSeq(roomId: string, size: number): Promise<number> {
    this.calls++;
    if (this.failing) throw new Error('down');
    const next = Math.max(this.reserved.get(roomId) ?? 0, this.highest) + size;
    this.reserved.set(roomId, next);
    return next;
  }
  async releaseSeq(positions: { roomId: string; last: number; limit: number }[]): Promise<void> {
    for (const p of positions) if (this.reserved.get(p.roomId) === p.limit) this.reserved.set(p.roomId, Math.max(p.last, this.highest));
  }
}

describe(NodeSequenceService.name, () => {
  let store: FakePositions;
  let sut: NodeSequenceService;
  const take = async (roomId: string, n: number) => {
    const seqs: number[] = [];
    for (let i = 0; i < n; i++) {
      await sut.prepare(roomId);
      seqs.push(sut.next(roomId));
    }
    return seqs;
  };

  beforeEach(() => {
    store = new FakePositions();
    store.highest = 41;
    sut = new NodeSequenceService(store as unknown as MessageRepository);
  });

  it('reserves once per room, even for concurrent callers, above the highest stored seq, then counts up in memory', async () => {
    await Promise.all([sut.prepare('r1'), sut.prepare('r1'), sut.prepare('r1')]);
    expect(store.calls).toBe(1);
    expect([sut.next('r1'), sut.next('r1')]).toEqual([42, 43]);
    expect(sut.prepare('r1')).toBeUndefined();
  });

  it('reserves the next block ahead of need, so positions stay consecutive across blocks', async () => {
    const seqs = await take('r', SEQ_BLOCK * 2 + 5);
    expect(seqs).toEqual(Array.from({ length: SEQ_BLOCK * 2 + 5 }, (_, i) => 42 + i));
    expect(store.calls).toBe(3);
  });

  it('never hands a position out twice after a crash: a new process starts above the reservation', async () => {
    const before = await take('r', 3);
    const afterCrash = new NodeSequenceService(store as unknown as MessageRepository);
    await afterCrash.prepare('r');
    expect(afterCrash.next('r')).toBeGreaterThan(Math.max(...before));
  });

  it('gives back the unused reservation at a clean stop, so the next process goes on without a hole', async () => {
    await take('r', 3);
    await sut.release();
    const next = new NodeSequenceService(store as unknown as MessageRepository);
    await next.prepare('r');
    expect(next.next('r')).toBe(45);
  });

  it('never fails a stop when the unused positions cannot be given back (they stay a hole)', async () => {
    await take('r', 3);
    store.releaseSeq = async () => { throw new Error('down'); };
    await expect(sut.release()).resolves.toBeUndefined();
  });

  it('lets callers that waited on the reservation resume in arrival order', async () => {
    const order: number[] = [];
    const first = (async () => { await sut.prepare('r'); order.push(sut.next('r')); })();
    await Promise.resolve();
    const second = (async () => { await sut.prepare('r'); order.push(sut.next('r')); })();
    await Promise.all([first, second]);
    expect(order).toEqual([42, 43]);
  });

  it('refuses next() before prepare() and reports a failed reservation as STORE.UNAVAILABLE', async () => {
    store.failing = true;
    expect(() => sut.next('r')).toThrow('before prepare');
    await expect(sut.prepare('r')).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
  });
});
