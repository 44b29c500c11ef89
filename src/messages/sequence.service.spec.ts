import { MessageRepository } from '../persistence/ports';
import { SequenceService } from './sequence.service';

describe(SequenceService.name, () => {
  const repo = (max: number) => ({ maxSeq: jest.fn().mockResolvedValue(max) }) as unknown as MessageRepository & { maxSeq: jest.Mock };

  it('seeds once per room from the store, even for concurrent callers, then counts up', async () => {
    const messages = repo(41);
    const sut = new SequenceService(messages);
    await Promise.all([sut.prepare('r1'), sut.prepare('r1'), sut.prepare('r1')]);
    expect(messages.maxSeq).toHaveBeenCalledTimes(1);
    expect([sut.next('r1'), sut.next('r1')]).toEqual([42, 43]);
    expect(sut.prepare('r1')).toBeUndefined();
  });

  it('lets callers that waited on the seeding resume in arrival order', async () => {
    const sut = new SequenceService(repo(0));
    const order: number[] = [];
    const first = (async () => { await sut.prepare('r'); order.push(sut.next('r')); })();
    await Promise.resolve();
    const second = (async () => { await sut.prepare('r'); order.push(sut.next('r')); })();
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
  });

  it('refuses next() before prepare() and reports a failed seeding as STORE.UNAVAILABLE', async () => {
    const failing = { maxSeq: jest.fn().mockRejectedValue(new Error('down')) } as unknown as MessageRepository;
    const sut = new SequenceService(failing);
    expect(() => sut.next('r')).toThrow('before prepare');
    await expect(sut.prepare('r')).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
  });
});
