/** One writer at a time: the store checks, then writes, inside one transaction, so writers queue here. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * At most `size()` pieces of work at a time; the others wait, first come first served. The size may
 * change: call `admit()` when it grows.
 */
export class Limit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: () => number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting.length === 0 && this.running < this.size()) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      this.running--;
      this.admit();
    }
  }

  /** Starts waiting work while there is room. */
  admit(): void {
    while (this.waiting.length > 0 && this.running < this.size()) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}
