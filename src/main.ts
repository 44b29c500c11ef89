import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfig } from './config/load-config';
import { checkMongoReachable } from './persistence/mongo/mongo-connection';
import { ensurePortFree, listen } from './startup/port';
import { exitOnStartFailure, StartupError } from './startup/start-failure';

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
  logger.log(`Chat server listening on port ${port}${config.docsEnabled ? ' (docs at /docs)' : ''}`);
}

bootstrap().catch((err: unknown) => exitOnStartFailure(err, logger));
