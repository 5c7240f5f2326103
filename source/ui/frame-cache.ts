// A cache of what one frame drew, for the next: the row drawer's lines (draw-ink-row.ts), and the
// Output patch's rows, pieces and row shapes that would not go together (patch-ink-output.ts).

/** Two generations (this frame's and the last's), so a cache is bounded by what two frames show. */
export class FrameCache<Value> {
	private previous = new Map<string, Value>();
	private current = new Map<string, Value>();

	get(key: string): Value | undefined {
		let value = this.current.get(key);
		if (value === undefined) {
			value = this.previous.get(key);
			if (value !== undefined) {
				this.current.set(key, value);
			}
		}

		return value;
	}

	set(key: string, value: Value): Value {
		this.current.set(key, value);
		return value;
	}

	turn(): void {
		this.previous = this.current;
		this.current = new Map();
	}

	get size(): number {
		return this.previous.size + this.current.size;
	}

	/** What this frame has used or made so far (not the frame before's leftovers). */
	get thisFrame(): ReadonlyMap<string, Value> {
		return this.current;
	}

	/** What the frame before used or made. */
	get lastFrame(): ReadonlyMap<string, Value> {
		return this.previous;
	}

	clear(): void {
		this.previous.clear();
		this.current.clear();
	}
}
