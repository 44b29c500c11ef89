import { tempDbPath } from './harness';
import { TestUser } from './http';
import { RedisServer, startRedis } from './redis-server';
import { ServerProcess, spawnServer } from './server-process';
import { Client, connect } from './sockets';

export interface TestCluster {
  redis: RedisServer;
  nodes: ServerProcess[];
  sqlitePath: string;
  /** Starts one more node on the same store and Redis. */
  addNode(env?: Record<string, string>): Promise<ServerProcess>;
  /** A socket of `user` on the node at `url` (resolved on `ready`), closed by stop(). */
  open(url: string, user: TestUser, timeoutMs?: number): Promise<Client>;
  /** Closes the sockets open() made, SIGTERM to every node still running, then Redis. */
  stop(): Promise<void>;
}

/**
 * Several built server processes in cluster mode on one host: one real redis-server and one
 * shared SQLite file (WAL mode serves several processes; production uses MongoDB).
 */
export async function startCluster(size: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const redis = await startRedis();
  const sqlitePath = tempDbPath();
  const nodes: ServerProcess[] = [];
  const sockets: Client[] = [];
  const addNode = async (extra: Record<string, string> = {}) => {
    const node = await spawnServer({ SQLITE_PATH: sqlitePath, REDIS_URL: redis.url, ...env, ...extra });
    nodes.push(node);
    return node;
  };
  // One after the other: the first one creates the schema.
  for (let i = 0; i < size; i++) await addNode();
  return {
    redis,
    nodes,
    sqlitePath,
    addNode,
    async open(url, user, timeoutMs) {
      const socket = await connect(url, user.token, timeoutMs);
      sockets.push(socket);
      return socket;
    },
    async stop() {
      sockets.forEach((s) => s.close());
      await Promise.all(
        nodes.map(async (n) => {
          if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
          await n.exited;
        }),
      );
      await redis.stop();
    },
  };
}
