/**
 * Runs `read` on each item, up to `window` at a time ahead of the consumer, and yields the
 * results in the items' order. Reading the next files while this one is parsed keeps the disk
 * and the CPU busy together; the window keeps memory and open files bounded. A read that fails
 * throws when its turn comes, never earlier, and never as an unhandled rejection.
 */
export async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < Math.max(1, window)) {
      const promise = read(items[next++]!);
      // Handled when its turn comes; until then a failure must not count as unhandled.
      promise.catch(() => undefined);
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const promise = pending.shift()!;
    fill();
    yield await promise;
  }
}
