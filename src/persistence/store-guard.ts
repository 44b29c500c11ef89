import { ClassProvider, FactoryProvider, Provider, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppError } from '../common/errors/app-error';
import { markStoreFailure } from '../common/errors/store-failure';
import { DuplicateKeyError } from './ports';

// Domain answers a repository gives on purpose; everything else it throws is the store failing.
const isDomainError = (err: unknown) => err instanceof DuplicateKeyError || err instanceof AppError;

function rethrow(err: unknown): never {
  throw isDomainError(err) ? err : markStoreFailure(err);
}

/** The repository, with every failure of every method marked as a store failure. */
export function guardStore<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args);
          return result instanceof Promise ? result.catch(rethrow) : result;
        } catch (err) {
          rethrow(err);
        }
      };
    },
  });
}

const isClassProvider = (p: Provider): p is ClassProvider => typeof p === 'object' && 'useClass' in p;

/**
 * Binds each `{ provide: Port, useClass: Adapter }` to a guarded adapter. The adapter is built
 * through ModuleRef rather than registered itself, so Nest sees one instance per port and runs
 * its lifecycle hooks once.
 */
export function guardRepositories(providers: Provider[]): Provider[] {
  return providers.map((p): Provider => {
    if (!isClassProvider(p)) return p;
    const adapter = p.useClass as Type<object>;
    const guarded: FactoryProvider = {
      provide: p.provide,
      useFactory: async (ref: ModuleRef) => guardStore(await ref.create(adapter)),
      inject: [ModuleRef],
    };
    return guarded;
  });
}
