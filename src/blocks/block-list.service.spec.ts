import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppConfig } from '../config/app-config';
import { BlockRepository, UserRepository } from '../persistence/ports';
import { BlockList } from './block-list.service';
import { BlockListChangedEvent } from './events/block-list-changed.event';

describe(BlockList.name, () => {
  let reads: Array<(ids: string[]) => void>;
  let sut: BlockList;

  beforeEach(() => {
    reads = [];
    const blocks = { blockedBy: () => new Promise<string[]>((resolve) => reads.push(resolve)), block: async () => true, unblock: async () => true };
    const users = { findById: async (id: string) => ({ id }) };
    // The event bus as Nest wires it: BlockList hears its own BlockListChangedEvent.
    const events = { emitAsync: async (_name: string, event: BlockListChangedEvent) => [sut.forget(event)] };
    sut = new BlockList(blocks as unknown as BlockRepository, users as unknown as UserRepository, events as unknown as EventEmitter2, new AppConfig());
  });

  it('answers from the cached set once loaded: one read for many checks', async () => {
    const first = sut.assertNotBlockedBy('mallory', ['bob']);
    reads[0](['mallory']);
    await expect(first).rejects.toMatchObject({ code: 'USER.BLOCKED' });
    await expect(sut.assertNotBlockedBy('mallory', ['bob'])).rejects.toMatchObject({ code: 'USER.BLOCKED' });
    await expect(sut.assertNotBlockedBy('alice', ['bob'])).resolves.toBeUndefined();
    expect(reads).toHaveLength(1);
  });

  it('reads again after the blocker blocks or unblocks someone', async () => {
    const first = sut.assertNotBlockedBy('alice', ['bob']);
    reads[0]([]);
    await first;
    await sut.block('bob', 'alice');
    const second = sut.assertNotBlockedBy('alice', ['bob']);
    expect(reads).toHaveLength(2);
    reads[1](['alice']);
    await expect(second).rejects.toMatchObject({ code: 'USER.BLOCKED' });
  });

  it('reads every list again after changes from other nodes may have been missed (cluster mode, Redis back)', async () => {
    const first = sut.assertNotBlockedBy('alice', ['bob']);
    reads[0]([]);
    await first;
    const racing = sut.assertNotBlockedBy('alice', ['carol']);
    sut.forgetAll();
    reads[1]([]);
    await racing;
    const after = sut.assertNotBlockedBy('alice', ['bob']);
    expect(reads).toHaveLength(3);
    reads[2](['alice']);
    await expect(after).rejects.toMatchObject({ code: 'USER.BLOCKED' });
    // The list read while the caches were dropped was not kept either.
    void sut.assertNotBlockedBy('alice', ['carol']);
    expect(reads).toHaveLength(4);
  });

  it('does not keep a list read while a block was being written: it may predate the block', async () => {
    const racing = sut.assertNotBlockedBy('alice', ['bob']);
    await sut.block('bob', 'alice');
    reads[0]([]);
    await racing;
    const after = sut.assertNotBlockedBy('alice', ['bob']);
    expect(reads).toHaveLength(2);
    reads[1](['alice']);
    await expect(after).rejects.toMatchObject({ code: 'USER.BLOCKED' });
  });

  it('refuses blocking yourself or an unknown user', async () => {
    await expect(sut.block('bob', 'bob')).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    const none = new BlockList({} as BlockRepository, { findById: async () => null } as unknown as UserRepository, {} as EventEmitter2, new AppConfig());
    await expect(none.block('bob', 'ghost')).rejects.toMatchObject({ code: 'USER.NOT_FOUND' });
  });
});
