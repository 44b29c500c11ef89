// Loaded into each benchmarked server with --require: answers the harness's IPC request
// for memory after a full GC (the server must run with --expose-gc) and for its CPU time.
process.on('message', (msg) => {
  if (msg === 'exit') process.exit(0);
  if (msg === 'cpu') return process.send(process.cpuUsage());
  if (msg !== 'memory') return;
  global.gc();
  global.gc();
  const { heapUsed, rss } = process.memoryUsage();
  process.send({ heapUsed, rss });
});
