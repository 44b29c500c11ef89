// Latency and throughput measurements over one room, identical for ours and the baseline.
const { now, summarize } = require('./clients');
const { wallClock } = require('./receivers');

const KINDS = {
  direct: { event: 'roomMessage', idField: 'roomId', received: 'roomMessageRecieved', confirmed: 'roomMessageConfirmed' },
  channel: { event: 'NEW_MESSAGE', idField: 'channelId', received: 'NEW_MESSAGE_RECEIVED', confirmed: 'channelMessageConfirmed' },
};

let counter = 0;

/** Tracks, per tempId, when the last receiver got the message. */
class Room {
  /** receivers: LocalReceivers or RemoteReceivers (see receivers.js). */
  constructor(kind, roomId, sender, receivers) {
    Object.assign(this, { kind: KINDS[kind], roomId, sender, receivers });
    this.pending = new Map();
    this.deliveries = 0;
    receivers.onLast = (tempId, t) => {
      const p = this.pending.get(tempId);
      if (!p) return;
      this.pending.delete(tempId);
      this.deliveries += receivers.count;
      p.resolve(t - p.t0);
    };
    this.confirmations = new Map();
    sender.on(this.kind.confirmed, (c) => this.confirmations.get(c.tempId)?.(now()));
  }

  /** Sends one message; resolves { ack, last, confirmed? } latencies in ms. */
  send(withConfirmation = false) {
    const tempId = `b${process.pid}-${++counter}`;
    const t0 = now();
    // Bounded like the ack: a lost delivery fails the row instead of hanging the bench.
    const last = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${tempId}: no delivery to the last receiver in 30 s`)), 30_000);
      this.pending.set(tempId, { t0: wallClock(), resolve: (v) => {
        clearTimeout(timer);
        resolve(v);
      } });
    });
    const confirmed = withConfirmation ? new Promise((resolve) => this.confirmations.set(tempId, (t) => resolve(t - t0))) : undefined;
    const ack = this.sender.timeout(30_000).emitWithAck(this.kind.event, { [this.kind.idField]: this.roomId, body: 'benchmark message body', tempId }).then((res) => {
      if (!res.success) throw new Error(`send refused: ${JSON.stringify(res.error)}`);
      return now() - t0;
    });
    return Promise.all([ack, last, confirmed]).then(([a, l, c]) => {
      this.confirmations.delete(tempId);
      return { ack: a, last: l, confirmed: c };
    });
  }

  async close() {
    await this.receivers.close();
    this.sender.removeAllListeners(this.kind.confirmed);
  }
}

/** One message at a time: the idle latencies. */
async function sequential(room, count, withConfirmation = false) {
  const results = [];
  for (let i = 0; i < count; i++) results.push(await room.send(withConfirmation));
  const pick = (k) => summarize(results.map((r) => r[k]));
  return { ack: pick('ack'), last: pick('last'), confirmed: withConfirmation ? pick('confirmed') : undefined };
}

/** A fixed send rate for a fixed time: latencies under moderate load. */
async function atRate(room, perSecond, seconds) {
  const sends = [];
  const start = now();
  for (let i = 0; i < perSecond * seconds; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sends.push(room.send());
  }
  const results = await Promise.all(sends);
  return { ack: summarize(results.map((r) => r.ack)), last: summarize(results.map((r) => r.last)) };
}

/** As fast as it goes, `window` messages in flight, for a fixed time; with the server's CPU per delivery. */
async function saturated(room, server, seconds, window = 64) {
  const start = now();
  const before = room.deliveries;
  const cpuBefore = await server.cpu();
  const worker = async () => {
    while (now() - start < seconds * 1000) await room.send();
  };
  await Promise.all(Array.from({ length: window }, worker));
  const deliveries = room.deliveries - before;
  const cpuMicros = (await server.cpu()) - cpuBefore;
  return { deliveriesPerSec: (deliveries * 1000) / (now() - start), cpuPerDelivery: cpuMicros / deliveries };
}

module.exports = { KINDS, Room, sequential, atRate, saturated };
