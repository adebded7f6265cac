/**
 * Counts of pairs of small integers, in the order first added: an
 * open-addressing table over typed arrays (a Map keyed by a number made of
 * both would hold a heap number per pair).
 */
export class PairTable {
  #slots = new Int32Array(1024);
  #first = new Int32Array(512);
  #second = new Int32Array(512);
  #counts = new Int32Array(512);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Add `n` to the count of (a, b). */
  add(a: number, b: number, n: number): void {
    const mask = this.#slots.length - 1;
    let slot = pairHash(a, b) & mask;
    for (let held = this.#slots[slot] as number; held !== 0; held = this.#slots[slot] as number) {
      const i = held - 1;
      if (this.#first[i] === a && this.#second[i] === b) {
        this.#counts[i] = (this.#counts[i] as number) + n;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const i = this.#size++;
    if (i === this.#first.length) {
      this.#first = grown(this.#first);
      this.#second = grown(this.#second);
      this.#counts = grown(this.#counts);
    }
    this.#first[i] = a;
    this.#second[i] = b;
    this.#counts[i] = n;
    this.#slots[slot] = i + 1;
    if (this.#size * 2 > this.#slots.length) this.#rehash();
  }

  /** The count of (a, b), 0 when never added. */
  get(a: number, b: number): number {
    const mask = this.#slots.length - 1;
    let slot = pairHash(a, b) & mask;
    for (let held = this.#slots[slot] as number; held !== 0; held = this.#slots[slot] as number) {
      const i = held - 1;
      if (this.#first[i] === a && this.#second[i] === b) return this.#counts[i] as number;
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** Every pair and its count, in the order first added. */
  forEach(visit: (a: number, b: number, count: number) => void): void {
    for (let i = 0; i < this.#size; i++) visit(this.#first[i] as number, this.#second[i] as number, this.#counts[i] as number);
  }

  /** (a, b, count) triples in the order first added. */
  triples(): Int32Array {
    const out = new Int32Array(this.#size * 3);
    for (let i = 0; i < this.#size; i++) {
      out[3 * i] = this.#first[i] as number;
      out[3 * i + 1] = this.#second[i] as number;
      out[3 * i + 2] = this.#counts[i] as number;
    }
    return out;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.#size; i++) {
      let slot = pairHash(this.#first[i] as number, this.#second[i] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    this.#slots = slots;
  }
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
