/**
 * The largest of `measure` over `items`, or `start` when there are none (Math.max's `-Infinity`
 * by default). A loop, never `Math.max(...list)`: spreading a list passes every element as an
 * argument on the stack, and around 125,000 rows that overflows it (issue 18: `register` and
 * `ship sheet` over ~125k rows died of it). Use this for any list whose length the data decides.
 */
export function maxOf<T>(items: Iterable<T>, measure: (item: T) => number, start = Number.NEGATIVE_INFINITY): number {
  let max = start;
  for (const item of items) {
    const v = measure(item);
    if (v > max) max = v;
  }
  return max;
}
