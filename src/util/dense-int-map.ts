/**
 * A map from small non-negative integers (interned org numbers) to non-negative integers:
 * an array while the keys are dense (the usual case, and many times faster than a Map of a
 * million keys), a Map once they are sparse, so memory stays proportional to the entries.
 */
export class DenseIntMap {
  private dense: Int32Array | undefined = new Int32Array(8);
  private sparse: Map<number, number> | undefined;
  private count = 0;

  get(key: number): number | undefined {
    if (this.dense !== undefined) {
      const stored = key < this.dense.length ? this.dense[key]! : 0;
      return stored === 0 ? undefined : stored - 1;
    }
    return this.sparse!.get(key);
  }

  set(key: number, value: number): void {
    this.count++;
    let dense = this.dense;
    if (dense !== undefined && key >= dense.length) {
      const size = Math.max(key + 1, dense.length * 2);
      if (size > 4 * this.count + 64) {
        this.sparse = new Map();
        dense.forEach((stored, i) => {
          if (stored !== 0) this.sparse!.set(i, stored - 1);
        });
        this.dense = dense = undefined;
      } else {
        const bigger = new Int32Array(size);
        bigger.set(dense);
        this.dense = dense = bigger;
      }
    }
    if (dense !== undefined) dense[key] = value + 1;
    else this.sparse!.set(key, value);
  }

  forEach(visit: (value: number, key: number) => void): void {
    const dense = this.dense;
    if (dense !== undefined) {
      for (let key = 0; key < dense.length; key++) {
        const stored = dense[key]!;
        if (stored !== 0) visit(stored - 1, key);
      }
    } else {
      this.sparse!.forEach(visit);
    }
  }
}
