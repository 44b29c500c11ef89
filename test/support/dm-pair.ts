import { openDirect, registerUser, TestUser } from './http';
import { TestApp } from './harness';
import { ack, Client, connect, next } from './sockets';

/** Alice and Bob in a fresh DM room, two tabs each. */
export interface DmPair {
  roomId: string;
  alice: TestUser;
  bob: TestUser;
  a1: Client;
  a2: Client;
  b1: Client;
  b2: Client;
}

export async function dmPair(app: TestApp): Promise<DmPair> {
  const [alice, bob] = await Promise.all([registerUser(app.url, 'alice'), registerUser(app.url, 'bob')]);
  const roomId = await openDirect(app.url, alice, bob);
  const [a1, a2, b1, b2] = await Promise.all([alice, alice, bob, bob].map((u) => connect(app.url, u.token)));
  return { roomId, alice, bob, a1, a2, b1, b2 };
}

export const closeAll = (p: DmPair | undefined): void => void [p?.a1, p?.a2, p?.b1, p?.b2].forEach((s) => s?.close());

/**
 * Bob sends a message and waits until it reached every connected tab. One server emits to a
 * socket in order, so an event not seen by then was never emitted before it.
 */
export async function fence({ roomId, a1, a2, b1, b2 }: DmPair): Promise<void> {
  const arrivals = [a1, a2, b2].filter((s) => s.connected).map((s) => next(s, 'roomMessageRecieved', (m) => m.body === 'fence'));
  const sent = next(b1, 'roomMessageSent', (m) => m.body === 'fence');
  const accepted = await ack(b1, 'roomMessage', { roomId, body: 'fence' });
  if (!accepted.success) throw new Error(`fence message refused: ${JSON.stringify(accepted)}`);
  await Promise.all([...arrivals, sent]);
}

/** The `userTyping` payloads in a record()ed log. */
export const typings = (log: Array<[string, any]>) => log.filter(([e]) => e === 'userTyping').map(([, p]) => p);
