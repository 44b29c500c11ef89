/** Deepest nesting a request body or socket payload may have; no DTO of ours goes past 4. */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * True when the value nests objects/arrays deeper than `max`. Iterative on purpose: the
 * validation that follows (Nest's stripProtoKeys, class-transformer) recurses once per level,
 * so a body nested a few thousand deep overflowed the stack there and answered 500.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
