import { EventEmitter2 } from '@nestjs/event-emitter';
import { Server } from 'socket.io';
import { BlockListChangedEvent } from '../blocks/events/block-list-changed.event';
import { ChangesMissedEvent } from '../common/cluster/changes-missed.event';
import { MembershipChangedEvent } from '../rooms/events/membership-changed.event';
import { ClusterRelay, RELAY_TIMEOUT_MS } from './cluster-relay.gateway';
import { RedisClients } from './redis-clients';

describe(ClusterRelay.name, () => {
  let sut: ClusterRelay;
  let events: EventEmitter2;
  let emitted: unknown[][];
  let answer: () => Promise<unknown>;
  let incoming: (batch: unknown[], ack: () => void) => void;
  let recovered: () => void;

  beforeEach(() => {
    events = new EventEmitter2();
    emitted = [];
    answer = () => Promise.resolve([]);
    const server = {
      on: (_: string, handler: typeof incoming) => (incoming = handler),
      serverSideEmitWithAck: (...args: unknown[]) => (emitted.push(args), answer()),
    };
    const redis = { onRecovered: (listener: () => void) => (recovered = listener) };
    sut = new ClusterRelay(events, redis as unknown as RedisClients);
    sut.afterInit(server as unknown as Server);
  });

  it('sends the changes of one tick as one batch, and not those that came from another node', async () => {
    const done = Promise.all([
      sut.membership(new MembershipChangedEvent('r1', 'u1', 'joined')),
      sut.membership(new MembershipChangedEvent('r1', 'u2', 'joined')),
      sut.blocks(new BlockListChangedEvent('u3')),
    ]);
    expect(sut.membership(new MembershipChangedEvent('r1', 'u4', 'left', true))).toBeUndefined();
    await done;
    expect(emitted).toHaveLength(1);
    expect(emitted[0][1]).toEqual([
      { event: 'membership.changed', roomId: 'r1', userId: 'u1', kind: 'joined' },
      { event: 'membership.changed', roomId: 'r1', userId: 'u2', kind: 'joined' },
      { event: 'blocks.changed', blockerId: 'u3' },
    ]);
  });

  it('raises a batch from another node here, marked remote, before acknowledging it', () => {
    const heard: unknown[] = [];
    events.on('membership.changed', (e) => heard.push(e));
    events.on('blocks.changed', (e) => heard.push(e));
    const ack = jest.fn(() => expect(heard).toHaveLength(2));
    incoming([{ event: 'membership.changed', roomId: 'r1', userId: 'u1', kind: 'left' }, { event: 'blocks.changed', blockerId: 'u3' }], ack);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(heard).toEqual([new MembershipChangedEvent('r1', 'u1', 'left', true), new BlockListChangedEvent('u3', true)]);
  });

  it('answers after RELAY_TIMEOUT_MS when a node never acknowledges', async () => {
    answer = () => new Promise(() => undefined);
    const started = Date.now();
    await sut.blocks(new BlockListChangedEvent('u1'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(RELAY_TIMEOUT_MS - 5);
  });

  it('raises ChangesMissed here when the Redis connection is back: pub/sub kept nothing for this node meanwhile', () => {
    const heard: unknown[] = [];
    events.on(ChangesMissedEvent.eventName, (e) => heard.push(e));
    recovered();
    expect(heard).toEqual([new ChangesMissedEvent()]);
  });
});
