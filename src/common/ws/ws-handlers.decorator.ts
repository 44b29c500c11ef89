import { applyDecorators, UseFilters, UseGuards } from '@nestjs/common';
import { WsExceptionFilter } from './ws-exception.filter';
import { WsJwtGuard } from './ws-jwt.guard';

/** On a gateway class: every handler checks the token's expiry and answers errors in the ack shape. */
export const WsHandlers = () => applyDecorators(UseGuards(WsJwtGuard), UseFilters(WsExceptionFilter));
