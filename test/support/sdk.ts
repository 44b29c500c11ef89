import { ChatClient, ChatEvents } from '../../client/src/sdk';
import { http, registerUser, TestUser } from './http';
import type { TestApp } from './harness';

/** A connected SDK client for a test user. */
export async function sdkClient(url: string, user: TestUser, ackTimeoutMs = 5000): Promise<ChatClient> {
  const client = new ChatClient({ url, token: user.token, ackTimeoutMs });
  await client.connect();
  return client;
}

/** Resolves when `condition` holds, checked now and after every `event` of the client. */
export function when<K extends keyof ChatEvents>(client: ChatClient, event: K, condition: () => boolean, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`condition not met within ${timeoutMs} ms (waiting on ${String(event)})`));
    }, timeoutMs);
    const off = client.on(event, () => {
      if (!condition()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** Every state a message of this client passes through, in order, by tempId. */
export function stateLog(client: ChatClient): Map<string, string[]> {
  const log = new Map<string, string[]>();
  client.on('messages', (roomId) => {
    for (const m of client.messages(roomId)) {
      const states = log.get(m.tempId) ?? [];
      if (states[states.length - 1] !== m.state) log.set(m.tempId, [...states, m.state]);
    }
  });
  return log;
}

export interface SdkPair {
  alice: TestUser;
  bob: TestUser;
  a: ChatClient;
  b: ChatClient;
  roomId: string;
}

/** Alice and Bob connected through the SDK, with a DM Bob already knows of (directCreated) and has named. */
export async function sdkPair(url: string): Promise<SdkPair> {
  const [alice, bob] = await Promise.all([registerUser(url, 'alice'), registerUser(url, 'bob')]);
  const [a, b] = await Promise.all([sdkClient(url, alice), sdkClient(url, bob)]);
  const roomId = (await a.actions.openDirect(bob.user.id)).id;
  await when(b, 'rooms', () => b.rooms.get(roomId) !== undefined && b.names.get(alice.user.id) === alice.user.username);
  return { alice, bob, a, b, roomId };
}

export const bodies = (c: ChatClient, roomId: string) => c.messages(roomId).map((m) => m.body);

/** The room's stored history, as the server serves it. */
export const history = async (t: TestApp, u: TestUser, roomId: string) => (await http(t.url, 'GET', `/rooms/${roomId}/messages?limit=200`, { token: u.token })).body.messages;
