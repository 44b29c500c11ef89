// Who receives a room's messages in the benchmark: sockets in this process (a DM's one
// receiver), or many sockets in a child process, so that reading a large fan-out never
// delays the sender's socket in this one. Both report when the last receiver got a message.
const { fork } = require('node:child_process');
const { join } = require('node:path');

const wallClock = () => performance.timeOrigin + performance.now();

class LocalReceivers {
  constructor(sockets, event) {
    this.count = sockets.length;
    this.seen = new Map();
    this.onLast = () => undefined;
    this.handler = (m) => {
      const n = (this.seen.get(m.tempId) ?? 0) + 1;
      if (n < this.count) return void this.seen.set(m.tempId, n);
      this.seen.delete(m.tempId);
      this.onLast(m.tempId, wallClock());
    };
    this.sockets = sockets;
    this.event = event;
    sockets.forEach((s) => s.on(event, this.handler));
  }

  async close() {
    this.sockets.forEach((s) => s.off(this.event, this.handler));
  }
}

class RemoteReceivers {
  static async start({ url, tokens, roomId, event, join: joinFirst }) {
    const child = fork(join(__dirname, 'receiver-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const receivers = new RemoteReceivers(child, tokens.length);
    await new Promise((resolve, reject) => {
      child.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(String(m)))));
      child.once('exit', (code) => reject(new Error(`receiver process exited (${code})`)));
      child.send({ url, tokens, roomId, event, join: joinFirst });
    });
    child.on('message', ([tempId, t]) => receivers.onLast(tempId, t));
    return receivers;
  }

  constructor(child, count) {
    this.child = child;
    this.count = count;
    this.onLast = () => undefined;
  }

  close() {
    return new Promise((resolve) => {
      this.child.once('exit', resolve);
      this.child.send('close');
    });
  }
}

module.exports = { LocalReceivers, RemoteReceivers, wallClock };
