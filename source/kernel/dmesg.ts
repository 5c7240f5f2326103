// The console's dmesg buffer: `CircularQueue<char, 16384>` in Kernel/Console.cpp (reference
// §10.2). Every character the kernel logs lands here, ANSI colour codes of the prefix included;
// the oldest characters fall out. We keep whole lines (without the colour codes, which only
// the terminal interprets) and account for their full length, codes and newline included.

export const DMESG_CAPACITY = 16_384;

type Line = {text: string; bytes: number};

export class DmesgBuffer {
	private readonly ring: Line[] = [];
	private head = 0;
	private bytes = 0;

	/** `rawLength` is what the console received: prefix codes, text and the newline. */
	append(text: string, rawLength: number): void {
		this.ring.push({text, bytes: rawLength});
		this.bytes += rawLength;
		while (this.bytes > DMESG_CAPACITY && this.head < this.ring.length - 1) {
			this.bytes -= this.ring[this.head]!.bytes;
			this.head++;
		}

		// Compact now and then, so a long run does not keep dropped lines alive.
		if (this.head > 1024 && this.head * 2 > this.ring.length) {
			this.ring.splice(0, this.head);
			this.head = 0;
		}
	}

	/** The last `count` lines still in the buffer, oldest first. */
	tail(count = Number.POSITIVE_INFINITY): string[] {
		const start = Math.max(this.head, this.ring.length - count);
		return this.ring.slice(start).map((line) => line.text);
	}
}
