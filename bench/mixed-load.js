// The mixed workload's users: each operation of the plan on their real sockets and over
// REST, timed from the load generator; a send is timed until its last receiver has it.
const { now } = require('./clients');
const { KINDS } = require('./measure');

const TIMEOUT_MS = 30_000;
let counter = 0;

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function acked(socket, event, payload) {
  const res = await socket.timeout(TIMEOUT_MS).emitWithAck(event, payload);
  if (!res.success) throw new Error(`${event} refused: ${JSON.stringify(res.error)}`);
  return res;
}

class MixedLoad {
  /** users[u]: { socket, token }, in the plan's user order (mixed-plan.js). */
  constructor(url, users) {
    Object.assign(this, { url, users });
    this.pending = new Map();
    this.lastSeq = new Map();
    this.inLobby = new Set();
    const onMessage = (m) => {
      const roomId = m.roomId ?? m.channelId;
      this.lastSeq.set(roomId, Math.max(this.lastSeq.get(roomId) ?? 0, m.seq));
      const p = this.pending.get(m.tempId);
      if (p && --p.remaining === 0) {
        this.pending.delete(m.tempId);
        p.resolve(now() - p.t0);
      }
    };
    users.forEach(({ socket }) => [KINDS.direct.received, KINDS.channel.received].forEach((e) => socket.on(e, onMessage)));
  }

  /** Runs one operation of the plan; resolves { op, ms, delivery? }. */
  async run({ op, user, room }) {
    const t0 = now();
    const { socket, token } = this.users[user];
    if (op === 'send') {
      const kind = KINDS[room.kind];
      const tempId = `m${process.pid}-${++counter}`;
      const delivered = within(new Promise((resolve) => this.pending.set(tempId, { t0, remaining: room.members - 1, resolve })), `delivery of ${tempId}`);
      const ms = await acked(socket, kind.event, { [kind.idField]: room.id, body: 'mixed workload message', tempId }).then(() => now() - t0);
      return { op, ms, delivery: await delivered };
    }
    if (op === 'markRead') await acked(socket, 'markRead', { roomId: room.id, seq: this.lastSeq.get(room.id) ?? 0 });
    if (op === 'history') {
      const res = await within(fetch(`${this.url}/rooms/${room.id}/messages?limit=50`, { headers: { authorization: `Bearer ${token}` } }), 'history');
      if (res.status !== 200) throw new Error(`history answered ${res.status}: ${await res.text()}`);
      await res.json();
    }
    if (op === 'churn') {
      const joined = this.inLobby.has(user);
      await acked(socket, joined ? 'leaveChannel' : 'joinChannel', { channelId: room.id });
      if (joined) this.inLobby.delete(user);
      else this.inLobby.add(user);
    }
    return { op, ms: now() - t0 };
  }
}

module.exports = { MixedLoad };
