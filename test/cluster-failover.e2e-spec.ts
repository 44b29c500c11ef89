import { openDirect, registerUser, TestUser } from './support/http';
import { startCluster, TestCluster } from './support/cluster-nodes';
import { redisMissing } from './support/redis-server';
import { ack, Client, record, until } from './support/sockets';

const missing = redisMissing();
const describeCluster = missing ? describe.skip : describe;
if (missing) console.warn(`cluster e2e skipped: ${missing}`);

const UNLIMITED = { RATE_LIMIT_PER_SEC: '10000', RATE_LIMIT_BURST: '10000', EVENT_BUDGET_PER_SEC: '10000', EVENT_BUDGET_BURST: '10000' };
const B_MESSAGES = 150;

interface Sent {
  accepted: Map<string, number>;
  /** Unanswered (the socket went away) or refused: to resend elsewhere with the same tempId. */
  resend: string[];
  codes: string[];
}

/** Sends one message after another until refused or disconnected, or `count` are accepted. */
async function sendLoop(socket: Client, roomId: string, prefix: string, count: number, sent: Sent): Promise<void> {
  const gone = new Promise<undefined>((resolve) => socket.once('disconnect', () => resolve(undefined)));
  for (let i = 0; sent.accepted.size < count; i++) {
    const tempId = `${prefix}-${i}`;
    const answer = socket.connected ? await Promise.race([ack(socket, 'roomMessage', { roomId, body: tempId, tempId }).catch(() => undefined), gone]) : undefined;
    if (answer?.success) {
      sent.accepted.set(tempId, answer.seq);
      continue;
    }
    sent.resend.push(tempId);
    if (answer) sent.codes.push(answer.error.code);
    return;
  }
}

/** The last position of an unbroken run from the start: where a client's gap detection syncs from. */
const contiguous = (seqs: number[], from = 0) => {
  const have = new Set(seqs);
  let last = from;
  while (have.has(last + 1)) last++;
  return last;
};
const seqsOf = (log: Array<[string, any]>) => log.filter(([e]) => e === 'roomMessageSent' || e === 'roomMessageRecieved').map(([, p]) => p.seq as number);

describeCluster('Cluster mode: SIGTERM one node under traffic, its clients move to the other (e2e, built servers)', () => {
  let cluster: TestCluster;
  let alice: TestUser, bob: TestUser;
  let roomId: string;
  const open = (url: string, user: TestUser) => cluster.open(url, user);

  beforeAll(async () => {
    cluster = await startCluster(2, UNLIMITED);
    [alice, bob] = await Promise.all(['alice', 'bob'].map((n) => registerUser(cluster.nodes[0].url, n)));
    roomId = await openDirect(cluster.nodes[0].url, alice, bob);
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('loses nothing accepted, duplicates nothing, and keeps seq order', async () => {
    const [a, b] = cluster.nodes;
    const [aliceA1, aliceA2, bobA, bobB] = await Promise.all([open(a.url, alice), open(a.url, alice), open(a.url, bob), open(b.url, bob)]);
    const seenOnA = record(bobA);
    const fromA: Sent = { accepted: new Map(), resend: [], codes: [] };
    const fromB: Sent = { accepted: new Map(), resend: [], codes: [] };
    const onA = [aliceA1, aliceA2].map((s, n) => sendLoop(s, roomId, `a${n}`, 100_000, fromA));
    const onB = sendLoop(bobB, roomId, 'b', B_MESSAGES, fromB);
    await until(() => fromA.accepted.size >= 40, 20_000);
    a.child.kill('SIGTERM');
    await Promise.all(onA);
    const exit = await a.exited;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(a.output()).toContain('every accepted message is saved and confirmed');

    // A's clients reconnect to B: bob syncs from his last unbroken position, alice resends what got no answer.
    const [bobAgain, aliceAgain] = await Promise.all([open(b.url, bob), open(b.url, alice)]);
    const liveAfter = record(bobAgain);
    const from = contiguous(seqsOf(seenOnA));
    const synced: any[] = [];
    for (let after = from, more = true; more; ) {
      const { rooms } = await ack(bobAgain, 'sync', { rooms: [{ roomId, afterSeq: after }], limit: 50 });
      synced.push(...rooms[0].messages);
      more = rooms[0].hasMore;
      after = rooms[0].messages.at(-1)?.rev ?? after;
    }
    for (const tempId of fromA.resend) {
      const answer = await ack(aliceAgain, 'roomMessage', { roomId, body: tempId, tempId });
      expect(answer).toMatchObject({ success: true, tempId });
      fromA.accepted.set(tempId, answer.seq);
    }
    await onB;
    expect({ resend: fromB.resend, codes: fromB.codes }).toEqual({ resend: [], codes: [] });
    // Refusals during the stop are SERVER.BUSY, never an error without a code.
    expect(fromA.codes.every((c) => c === 'SERVER.BUSY')).toBe(true);
    console.info(`failover: ${fromA.accepted.size} sends on A accepted, ${fromA.codes.length} refused SERVER.BUSY, ${fromA.resend.length - fromA.codes.length} unanswered; all resent to B`);

    const accepted = new Map([...fromA.accepted, ...fromB.accepted]);
    const highest = Math.max(...accepted.values());
    await until(() => Math.max(0, ...seqsOf(liveAfter)) >= highest || synced.some((m) => m.seq === highest), 10_000);
    // Nothing lost and no duplicate at bob: what he saw on A up to his sync point, the sync, then live.
    const syncedSeqs = synced.map((m) => m.seq);
    expect(new Set(syncedSeqs).size).toBe(syncedSeqs.length);
    expect(syncedSeqs).toEqual([...syncedSeqs].sort((x, y) => x - y));
    const atBob = new Set([...seqsOf(seenOnA).filter((s) => s <= from), ...syncedSeqs, ...seqsOf(liveAfter)]);
    for (const seq of accepted.values()) expect(atBob.has(seq)).toBe(true);

    // The store: every accepted tempId exactly once, at the seq its sender was told, positions unique.
    const all: any[] = [];
    for (let after = 0, more = true; more; ) {
      const { rooms } = await ack(aliceAgain, 'sync', { rooms: [{ roomId, afterSeq: after }], limit: 500 });
      all.push(...rooms[0].messages);
      more = rooms[0].hasMore;
      after = rooms[0].messages.at(-1)?.rev ?? after;
    }
    expect(new Set(all.map((m) => m.seq)).size).toBe(all.length);
    expect(new Set(all.map((m) => m.tempId)).size).toBe(all.length);
    for (const [tempId, seq] of accepted) expect(all.find((m) => m.tempId === tempId)?.seq).toBe(seq);
    expect(all.length).toBe(accepted.size);
  }, 90_000);
});
