import { Provider } from '@nestjs/common';

/** A port's providers for one mode, and the tokens ClusterModule exports for it. */
export interface ClusterBindings {
  providers: Provider[];
  exports: Array<abstract new (...args: never[]) => unknown>;
}
