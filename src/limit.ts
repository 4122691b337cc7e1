/** Runs the tasks it is given, at most a set number at once; the others wait their turn, in order. */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(atOnce: number): Limit {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < atOnce) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The place passes straight to the next task waiting, if any.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
