import { AppError } from '../common/errors/app-error';
import { isStoreFailure } from '../common/errors/store-failure';
import { DuplicateKeyError } from './ports';
import { guardStore } from './store-guard';

class FakeRepository {
  calls = 0;
  constructor(private readonly failure: unknown) {}
  async find(): Promise<string> {
    this.calls++;
    throw this.failure;
  }
  async ok(): Promise<string> {
    return `fine after ${this.calls}`;
  }
}

describe('guardStore', () => {
  it('marks a driver error as a store failure and rethrows the same object', async () => {
    const driverError = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });
    const sut = guardStore(new FakeRepository(driverError));
    const thrown = await sut.find().catch((err: unknown) => err);
    expect(thrown).toBe(driverError);
    expect(isStoreFailure(thrown)).toBe(true);
  });

  it.each([
    ['DuplicateKeyError', new DuplicateKeyError('username')],
    ['AppError', new AppError('ROOM.NOT_FOUND', 'no such room')],
  ])('lets a %s through unmarked: it is an answer, not an outage', async (_name, domainError) => {
    const thrown = await guardStore(new FakeRepository(domainError)).find().catch((err: unknown) => err);
    expect([thrown, isStoreFailure(thrown)]).toEqual([domainError, false]);
  });

  it('keeps results, state and instanceof of the repository', async () => {
    const repo = new FakeRepository(new Error('x'));
    const sut = guardStore(repo);
    await sut.find().catch(() => undefined);
    expect([await sut.ok(), sut instanceof FakeRepository, sut.calls]).toEqual(['fine after 1', true, 1]);
  });
});
