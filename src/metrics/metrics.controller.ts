import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetricsTokenGuard } from './metrics-token.guard';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @UseGuards(MetricsTokenGuard)
  @ApiBearerAuth()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics of this process', description: 'Needs Bearer METRICS_TOKEN when that is set; closed in production without it.' })
  @ApiOkResponse({ description: 'Prometheus text format: messages, save batches, queue, presence, process' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
