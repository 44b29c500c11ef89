import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGateway } from './auth.gateway';
import { AuthThrottleGuard } from './auth-throttle.guard';
import { AuthService } from './auth.service';
import { AuthTokens } from './auth-tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { KnownUsers } from './known-users';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SocketAuthenticator } from './socket-auth.middleware';
import { SocketExpiry } from './socket-expiry';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresIn as never },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthTokens, PasswordHasher, JwtAuthGuard, AuthThrottleGuard, AuthGateway, KnownUsers, LoginThrottle, SocketExpiry, SocketAuthenticator],
  exports: [AuthTokens, JwtAuthGuard, KnownUsers, SocketAuthenticator],
})
export class AuthModule {}
