// A benchmark child: one account's sockets flooding mixed events (valid, unknown room, invalid
// payload, unknown event) at a fixed rate, open loop; reports how the server answered them.
const { connectMany, closeAll } = require('./clients');

/** One of each kind the flood mixes, as the hostile-user test sent them. */
function floodEvent(roomId, i) {
  const kinds = [
    ['markRead', { roomId, seq: 1 }],
    ['joinRoom', { roomId }],
    ['typing', { roomId, isTyping: true }],
    ['createChannel', { name: `flood-${process.pid}-${i}` }],
    ['roomMessage', { roomId: '000000000000000000000000', body: 'x', tempId: `f${i}` }],
    ['roomMessage', { nonsense: true }],
    ['noSuchEvent', { i }],
  ];
  return kinds[i % kinds.length];
}

async function flood({ sockets, roomId, rate, seconds }) {
  const total = rate * seconds;
  const answers = { ok: 0, limited: 0, refused: 0, unanswered: 0 };
  const pending = [];
  const start = performance.now();
  // Timers fire at most every ~1 ms: send each tick what the schedule says is due.
  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    for (; i < due; i++) {
      const [event, payload] = floodEvent(roomId, i);
      pending.push(sockets[i % sockets.length].timeout(10_000).emitWithAck(event, payload).then(
        (r) => (r?.success ? answers.ok++ : r?.error?.code === 'RATE.LIMITED' ? answers.limited++ : answers.refused++),
        () => answers.unanswered++,
      ));
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  return { sent: total, ...answers };
}

let sockets = [];
process.on('message', async (msg) => {
  try {
    if (msg.connect) {
      sockets = await connectMany(msg.connect.url, msg.connect.tokens);
      return process.send({ ready: true });
    }
    if (msg.flood) process.send({ done: await flood({ sockets, ...msg.flood }) });
    if (msg === 'close') {
      closeAll(sockets);
      process.exit(0);
    }
  } catch (err) {
    process.send({ error: err.message });
  }
});
