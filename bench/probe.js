// Loaded into each benchmarked server with --require: answers the harness's IPC request
// for memory after a full GC (the server must run with --expose-gc).
process.on('message', (msg) => {
  if (msg === 'exit') process.exit(0);
  if (msg !== 'memory') return;
  global.gc();
  global.gc();
  const { heapUsed, rss } = process.memoryUsage();
  process.send({ heapUsed, rss });
});
