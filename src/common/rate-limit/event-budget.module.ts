import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventBudget } from './event-budget';
import { RestWriteBudgetInterceptor } from './rest-write-budget.interceptor';

/** The per-user request budget: ChatIoAdapter charges socket events, the interceptor REST writes. */
@Module({
  providers: [EventBudget, { provide: APP_INTERCEPTOR, useClass: RestWriteBudgetInterceptor }],
  exports: [EventBudget],
})
export class EventBudgetModule {}
