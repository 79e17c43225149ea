// A map from a non-negative 32-bit key (a feature bucket, a hash) to a number, in typed arrays.

/**
 * Feature bucket → dense id, in an open-addressing table at most a quarter full: a few
 * hundred kilobytes that stay in the processor's cache, where a plain array over all
 * 2^20 buckets (4 MB) costs a cache miss for nearly every feature of a message.
 */
export class BucketIds {
  /** Pairs of [bucket, id]; bucket -1 marks a free slot. */
  private slots = new Int32Array(2 * 1024).fill(-1);
  private mask = 1023;
  private size = 0;

  get(bucket: number): number {
    const { slots, mask } = this;
    for (let slot = (Math.imul(bucket, 0x9e3779b1) >>> 8) & mask; ; slot = (slot + 1) & mask) {
      const key = slots[2 * slot]!;
      if (key === bucket) return slots[2 * slot + 1]!;
      if (key === -1) return -1;
    }
  }

  set(bucket: number, id: number): void {
    if (4 * (this.size + 1) > this.mask + 1) this.grow();
    const { slots, mask } = this;
    let slot = (Math.imul(bucket, 0x9e3779b1) >>> 8) & mask;
    while (slots[2 * slot] !== -1 && slots[2 * slot] !== bucket) slot = (slot + 1) & mask;
    if (slots[2 * slot] === -1) this.size++;
    slots[2 * slot] = bucket;
    slots[2 * slot + 1] = id;
  }

  forEach(visit: (bucket: number, id: number) => void): void {
    for (let i = 0; i < this.slots.length; i += 2) if (this.slots[i] !== -1) visit(this.slots[i]!, this.slots[i + 1]!);
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== -1) this.set(old[i]!, old[i + 1]!);
  }
}
