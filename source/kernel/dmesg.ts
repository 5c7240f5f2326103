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
	/** The lines `tail` last handed out, until the next line (a monitor's view, not the kernel's: see tail). */
	private tailed: {count: number; lines: string[]} | undefined;

	/** `rawLength` is what the console received: prefix codes, text and the newline. */
	append(text: string, rawLength: number): void {
		this.ring.push({text, bytes: rawLength});
		this.tailed = undefined;
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

	/**
	The last `count` lines still in the buffer, oldest first. The same array (not to be changed)
	until a line is logged: the live view asks four times a second and the log moves a few times a
	minute, so its document keeps the very array and the view's writer sees it unchanged without
	reading it (engine/document-delta.ts).
	*/
	tail(count = Number.POSITIVE_INFINITY): string[] {
		if (this.tailed?.count !== count) {
			const start = Math.max(this.head, this.ring.length - count);
			this.tailed = {count, lines: this.ring.slice(start).map((line) => line.text)};
		}

		return this.tailed.lines;
	}
}
