import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..');
// Below common/: the configuration and the store-neutral domain types, which import nothing from src/.
const BELOW_COMMON = ['common/', 'config/', 'persistence/models'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));
}

const localImports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => relative(SRC, resolve(file, '..', m[1])));

describe('layering', () => {
  it('common/ imports nothing above it', () => {
    const upward = sources(join(SRC, 'common')).flatMap((file) =>
      localImports(file).filter((target) => !BELOW_COMMON.some((allowed) => target.startsWith(allowed))).map((target) => `${relative(SRC, file)} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('only the root modules (config, persistence, cluster) are @Global', () => {
    const global = sources(SRC).filter((file) => /@Global\(\)/.test(readFileSync(file, 'utf8'))).map((file) => relative(SRC, file));
    expect(global.sort()).toEqual(['cluster/cluster.module.ts', 'config/config.module.ts', 'persistence/persistence.module.ts']);
  });
});
