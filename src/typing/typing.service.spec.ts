import { AppConfig } from '../config/app-config';
import { TypingSignal } from '../common/ws/server-events';
import { DIRECT_DELIVERY } from '../messages/delivery-kind';
import { MessageCreatedEvent } from '../messages/events/message-created.event';
import { UserOfflineEvent } from '../presence/events/user-offline.event';
import { MembershipChangedEvent } from '../rooms/events/membership-changed.event';
import { TypingEndListener } from './listeners/typing-end.listener';
import { TypingRelay } from './typing.relay';
import { systemClock, TYPING_RENEW_MS, TypingService } from './typing.service';

/** Records every signal in `sent`; those for this node's sockets only in `local` too. */
class RecordingRelay extends TypingRelay {
  readonly sent: TypingSignal[] = [];
  readonly local: TypingSignal[] = [];
  send = (signal: TypingSignal) => void this.sent.push(signal);
  deliver = (signal: TypingSignal) => void (this.sent.push(signal), this.local.push(signal));
}

const TIMEOUT_MS = 6000;
const alice = { id: 'u-alice', username: 'alice' };
const signal = (roomId: string, isTyping: boolean) => ({ roomId, userId: alice.id, username: alice.username, isTyping });

describe(TypingService.name, () => {
  let relay: RecordingRelay;
  let sut: TypingService;
  let ends: TypingEndListener;
  const sent = (roomId: string) => new MessageCreatedEvent(DIRECT_DELIVERY, { roomId, seq: 1, senderId: alice.id, body: 'hi', tempId: 't', createdAt: new Date() }, alice, false);

  beforeEach(() => {
    jest.useFakeTimers();
    relay = new RecordingRelay();
    sut = new TypingService(relay, Object.assign(new AppConfig(), { typingTimeoutMs: TIMEOUT_MS }), systemClock);
    ends = new TypingEndListener(sut);
  });

  afterEach(() => {
    sut.onModuleDestroy();
    jest.useRealTimers();
  });

  it('relays a start at once and repeated starts at most once per renewal interval', () => {
    for (let i = 0; i < 10; i++) sut.start('r1', alice);
    expect(relay.sent).toEqual([signal('r1', true)]);
    jest.advanceTimersByTime(TYPING_RENEW_MS - 1);
    sut.start('r1', alice);
    expect(relay.sent).toHaveLength(1);
    jest.advanceTimersByTime(1);
    sut.start('r1', alice);
    expect(relay.sent).toEqual([signal('r1', true), signal('r1', true)]);
  });

  it('relays a stop at once only after a relayed start; the next start is relayed at once', () => {
    sut.stop('r1', alice.id);
    expect(relay.sent).toEqual([]);
    sut.start('r1', alice);
    sut.stop('r1', alice.id);
    sut.stop('r1', alice.id);
    expect(relay.sent).toEqual([signal('r1', true), signal('r1', false)]);
    expect(sut.size()).toBe(0);
    sut.start('r1', alice);
    expect(relay.sent.at(-1)).toEqual(signal('r1', true));
  });

  it('ends typing itself after the timeout since the last renewal, not since the first start', () => {
    sut.start('r1', alice);
    jest.advanceTimersByTime(TIMEOUT_MS - 1000);
    sut.start('r1', alice);
    jest.advanceTimersByTime(TIMEOUT_MS - 1);
    expect(relay.sent.filter((s) => !s.isTyping)).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(relay.sent.at(-1)).toEqual(signal('r1', false));
    expect(sut.size()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ends typing in one room on a message there, leaving other rooms typing', () => {
    sut.start('r1', alice);
    sut.start('r2', alice);
    ends.messageSent(sent('r1'));
    ends.messageSent(sent('r1'));
    expect(relay.sent).toEqual([signal('r1', true), signal('r2', true), signal('r1', false)]);
    expect(sut.size()).toBe(1);
    expect(jest.getTimerCount()).toBe(1);
  });

  it('ends typing in every room when the user goes offline, and forgets them', () => {
    sut.start('r1', alice);
    sut.start('r2', alice);
    sut.start('r1', { id: 'u-bob', username: 'bob' });
    ends.userOffline(new UserOfflineEvent(alice.id));
    expect(relay.sent.slice(3)).toEqual([signal('r1', false), signal('r2', false)]);
    expect(sut.size()).toBe(1);
    jest.advanceTimersByTime(TIMEOUT_MS);
    expect(relay.sent.slice(3).filter((s) => s.userId === alice.id)).toHaveLength(2);
    expect(sut.size()).toBe(0);
  });

  it('ends typing in a room the user left, not in one someone joined', () => {
    sut.start('r1', alice);
    ends.membershipChanged(new MembershipChangedEvent('r1', alice.id, 'joined'));
    expect(sut.size()).toBe(1);
    ends.membershipChanged(new MembershipChangedEvent('r1', alice.id, 'left'));
    expect(relay.sent).toEqual([signal('r1', true), signal('r1', false)]);
  });

  it("mirrors another node's decisions: delivered here only, ended here by a local stop or the expiry", () => {
    sut.mirror(signal('r1', true));
    sut.mirror(signal('r1', true));
    expect(relay.local).toEqual([signal('r1', true), signal('r1', true)]);
    // Relayed by the other node just now: a local start within the renewal interval adds nothing.
    sut.start('r1', alice);
    expect(relay.sent).toHaveLength(2);
    ends.messageSent(sent('r1'));
    expect(relay.sent.at(-1)).toEqual(signal('r1', false));
    expect(relay.local).toHaveLength(2);
    sut.mirror(signal('r1', false));
    sut.mirror(signal('r2', true));
    jest.advanceTimersByTime(TIMEOUT_MS);
    expect(relay.local.slice(2)).toEqual([signal('r2', true), signal('r2', false)]);
    expect(sut.size()).toBe(0);
  });
});
