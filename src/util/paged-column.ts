/** The typed arrays a paged column can be made of. */
export type NumberArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;

/**
 * A column of numbers indexed from 0, grown a page (65,536 numbers) at a time. A typed array
 * doubled as it fills copies everything it holds at each doubling and holds twice the memory
 * while it does; a million groups would be copied twenty times over. Pages are never copied,
 * and the column is never more than a page larger than what it holds. Unset places read 0.
 */
export class PagedColumn {
  private readonly pages: NumberArray[] = [];

  constructor(private readonly make: (length: number) => NumberArray) {}

  get(n: number): number {
    const page = this.pages[n >>> PAGE_BITS];
    return page === undefined ? 0 : page[n & MASK]!;
  }

  set(n: number, value: number): void {
    const index = n >>> PAGE_BITS;
    while (index >= this.pages.length) this.pages.push(this.make(PAGE));
    this.pages[index]![n & MASK] = value;
  }
}

/** Paged columns of each number type. */
export const pagedFloat64 = (): PagedColumn => new PagedColumn((length) => new Float64Array(length));
export const pagedUint32 = (): PagedColumn => new PagedColumn((length) => new Uint32Array(length));
export const pagedInt32 = (): PagedColumn => new PagedColumn((length) => new Int32Array(length));
export const pagedUint8 = (): PagedColumn => new PagedColumn((length) => new Uint8Array(length));
