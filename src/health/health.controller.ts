import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { AppError } from '../common/errors/app-error';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { StoreHealth } from '../persistence/ports';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly store: StoreHealth) {}

  @Get()
  @ApiOkResponse({ description: '{ status: "ok", store: "up" }' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'STORE.UNAVAILABLE' })
  async check(): Promise<{ status: string; store: string }> {
    try {
      await this.store.ping();
      return { status: 'ok', store: 'up' };
    } catch {
      throw new AppError('STORE.UNAVAILABLE', 'the store does not answer');
    }
  }
}
