/**
 * Runs async tasks one after another per key, in the order they were started: a send that
 * waits on a cache miss is not overtaken by a later send to the same room.
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const tail = this.tails.get(key);
    const result = tail ? tail.then(task) : task();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    // The last task of a lane removes it, so idle keys cost nothing.
    void settled.then(() => this.tails.get(key) === settled && this.tails.delete(key));
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
