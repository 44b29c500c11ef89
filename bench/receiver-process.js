// A benchmark child: connects a room's receiving sockets and tells the parent, per message,
// when the last of them got it (wall clock, comparable across processes on one machine).
const { connectMany, joinAll, closeAll } = require('./clients');
const { LocalReceivers } = require('./receivers');

let sockets = [];

process.on('message', async (msg) => {
  if (msg === 'close') {
    closeAll(sockets);
    process.exit(0);
  }
  try {
    sockets = await connectMany(msg.url, msg.join ? msg.tokens.map(() => undefined) : msg.tokens);
    if (msg.join) await joinAll(sockets, msg.roomId);
    const receivers = new LocalReceivers(sockets, msg.event);
    receivers.onLast = (tempId, t) => process.send([tempId, t]);
    process.send('ready');
  } catch (err) {
    process.send(`receiver process failed: ${err.message}`);
  }
});
