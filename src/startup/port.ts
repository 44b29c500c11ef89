import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { StartupError } from './start-failure';

function inUse(port: number): StartupError {
  return new StartupError(`port ${port} is already in use: set PORT to a free port`);
}

function isAddressInUse(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * Fails before the store is opened when the port is taken. Nest's own listen error would also
 * arrive, but after opening the store and with a log line of its own; `listen` below still
 * covers the moment between this check and the real listen.
 */
export async function ensurePortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err) => reject(isAddressInUse(err) ? inUse(port) : err));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export async function listen(app: INestApplication, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (err) {
    if (!isAddressInUse(err)) throw err;
    await app.close();
    throw inUse(port);
  }
}
