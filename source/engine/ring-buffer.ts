// A fixed-capacity ring: the newest `capacity` items, oldest first. History and event lists stay
// within their bounds however long kmtop runs.

export class RingBuffer<T> {
	readonly capacity: number;
	private readonly items: T[] = [];
	private start = 0;
	private total = 0;

	constructor(capacity: number) {
		this.capacity = capacity;
	}

	push(item: T): void {
		this.total++;
		if (this.items.length < this.capacity) {
			this.items.push(item);
			return;
		}

		this.items[this.start] = item;
		this.start = (this.start + 1) % this.capacity;
	}

	get length(): number {
		return this.items.length;
	}

	/** Items pushed since creation, including those that fell out. */
	get pushed(): number {
		return this.total;
	}

	toArray(): T[] {
		return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
	}

	/** The item `index` places after the oldest, or undefined past the newest. */
	at(index: number): T | undefined {
		return index < this.items.length ? this.items[(this.start + index) % this.items.length] : undefined;
	}

	last(): T | undefined {
		return this.items.length === 0 ? undefined : this.items[(this.start + this.items.length - 1) % this.items.length];
	}

	first(): T | undefined {
		return this.items.length === 0 ? undefined : this.items[this.start];
	}

	/** The newest `count` items (at most all there are), oldest first. */
	newest(count: number): T[] {
		const length = Math.min(count, this.items.length);
		const items: T[] = [];
		for (let back = length; back >= 1; back--) {
			items.push(this.items[(this.start + this.items.length - back) % this.items.length]!);
		}

		return items;
	}

	/** Overwrites the newest item (the ring must not be empty). */
	replaceLast(item: T): void {
		this.items[(this.start + this.items.length - 1) % this.items.length] = item;
	}

	clear(): void {
		this.items.length = 0;
		this.start = 0;
	}
}
