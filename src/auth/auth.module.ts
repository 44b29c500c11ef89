import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGateway } from './auth.gateway';
import { AuthThrottleGuard } from './auth-throttle.guard';
import { AuthService } from './auth.service';
import { AuthTokens } from './auth-tokens';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PasswordHasher } from './password-hasher';

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
  providers: [AuthService, AuthTokens, PasswordHasher, JwtAuthGuard, AuthThrottleGuard, AuthGateway],
  exports: [AuthTokens, JwtAuthGuard],
})
export class AuthModule {}
