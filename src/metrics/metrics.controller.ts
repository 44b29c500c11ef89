import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics of this process' })
  @ApiOkResponse({ description: 'Prometheus text format: messages, save batches, queue, presence, process' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
