import { KeyedLanes } from './keyed-lanes';

describe(KeyedLanes.name, () => {
  it('runs the tasks of one key in start order, even when an earlier one is slower', async () => {
    const sut = new KeyedLanes();
    const order: string[] = [];
    let release!: () => void;
    const slow = sut.run('room', async () => {
      await new Promise<void>((r) => (release = r));
      order.push('first');
    });
    const fast = sut.run('room', async () => {
      order.push('second');
    });
    const other = sut.run('other', async () => {
      order.push('other room');
    });
    await other;
    release();
    await Promise.all([slow, fast]);
    expect(order).toEqual(['other room', 'first', 'second']);
  });

  it('keeps going after a failed task, passes its error to its caller, and forgets idle keys', async () => {
    const sut = new KeyedLanes();
    const failed = sut.run('room', async () => {
      throw new Error('boom');
    });
    const next = sut.run('room', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await new Promise((r) => setImmediate(r));
    expect(sut.size).toBe(0);
  });
});
