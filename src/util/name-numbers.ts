/**
 * Numbers for names (file names, in practice), given in the order first seen: a column store
 * keeps a small integer per row instead of a string. Rows of one file come in runs, so the
 * last name asked for is answered without a lookup.
 */
export class NameNumbers {
  /** Every name, by its number. */
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | undefined;
  private lastNumber = 0;

  /** The number of `name`, given it now if it has none. */
  number(name: string): number {
    if (name === this.last) return this.lastNumber;
    let n = this.index.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.index.set(name, n);
    }
    this.last = name;
    this.lastNumber = n;
    return n;
  }
}
