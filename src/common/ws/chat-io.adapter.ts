import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { ServerOptions } from 'socket.io';
import { AppConfig } from '../../config/app-config';

/** Socket.IO server options that come from configuration rather than decorators. */
export class ChatIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    return super.createIOServer(port, {
      ...options,
      // Larger payloads are dropped by Socket.IO (the sender is disconnected), never parsed.
      maxHttpBufferSize: this.config.maxHttpBufferSize,
      cors: { origin: true },
    });
  }
}
