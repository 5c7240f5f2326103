// The heap traffic of an AK::Vector whose elements live in kmalloc'd memory (reference §3.7 step
// 5, §6.2, §6.3): appending to a full vector allocates a buffer of padded capacity
// `max(4, n + n/4 + 4)` for n = size + 1, then frees the old one; `resize` allocates exactly;
// removing never shrinks. Only sizes and buffer addresses are modelled, not the elements.

export type VectorHeap = {
	/** `purpose` books the block to what it is for (holder-book.ts). */
	kmalloc(size: number, purpose?: string): number;
	kfree(address: number): void;
};

export const paddedCapacity = (capacity: number): number => Math.max(4, capacity + Math.floor(capacity / 4) + 4);

export class KernelVector {
	readonly elementSize: number;
	/** What its buffer is booked to. */
	readonly purpose: string;
	size = 0;
	capacity = 0;
	buffer = 0;

	constructor(elementSize: number, purpose: string) {
		this.elementSize = elementSize;
		this.purpose = purpose;
	}

	/** `append` / `insert`: room for one more. */
	grow(heap: VectorHeap): void {
		if (this.capacity < this.size + 1) {
			this.ensureCapacity(heap, paddedCapacity(this.size + 1));
		}

		this.size++;
	}

	/** `remove` / `take`: the buffer stays as it is. */
	shrink(): void {
		this.size--;
	}

	/** `resize(n)` from empty: exactly n elements. */
	resize(heap: VectorHeap, size: number): void {
		this.ensureCapacity(heap, size);
		this.size = size;
	}

	/** The destructor. */
	release(heap: VectorHeap): void {
		if (this.buffer !== 0) {
			heap.kfree(this.buffer);
		}

		this.buffer = 0;
		this.capacity = 0;
		this.size = 0;
	}

	private ensureCapacity(heap: VectorHeap, capacity: number): void {
		if (this.capacity >= capacity) {
			return;
		}

		const buffer = heap.kmalloc(capacity * this.elementSize, this.purpose);
		if (this.buffer !== 0) {
			heap.kfree(this.buffer);
		}

		this.buffer = buffer;
		this.capacity = capacity;
	}
}
