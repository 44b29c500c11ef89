import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { EnvironmentVariables, validateEnv } from './env.validation';

/**
 * The server's configuration: the environment plus `.env` in the working directory (a real
 * environment variable wins over the file), read by @nestjs/config and checked by the env
 * class as its `validate` hook. Throws ConfigError with one line per bad variable.
 *
 * It is read before the module tree is built, not inside it, because the tree depends on it:
 * MONGODB_URI chooses the store module, and main.ts needs the port and the CORS origins.
 */
export async function loadConfig(envFilePath = '.env'): Promise<AppConfig> {
  let validated: EnvironmentVariables | undefined;
  await NestConfigModule.forRoot({
    envFilePath,
    validate: (raw) => (validated = validateEnv(raw)),
  });
  return AppConfig.fromValidated(validated!);
}
