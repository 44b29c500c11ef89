import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { checkMongoReachable } from './persistence/mongo/mongo-connection';
import { ensurePortFree, listen } from './startup/port';
import { StartupError } from './startup/startup-error';

const logger = new Logger('Bootstrap');

async function bootstrap(): Promise<void> {
  const config = await loadConfig();
  await ensurePortFree(config.port);
  if (config.mongodbUri) {
    await checkMongoReachable(config.mongodbUri).catch((err: Error) => {
      throw new StartupError(err.message);
    });
  }
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config)), config);
  // SIGTERM/SIGINT: stop accepting, flush the write-behind buffer, confirm, close the store.
  app.enableShutdownHooks();
  await listen(app, config.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(`Chat server listening on port ${port} (docs at /docs)`);
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError) for (const problem of err.problems) process.stderr.write(`Invalid environment variable ${problem}\n`);
  else if (err instanceof StartupError) process.stderr.write(`${err.message}\n`);
  else logger.error(`cannot start: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
