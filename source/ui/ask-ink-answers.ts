// What the row drawer (draw-ink-row.ts) asks of Ink's own Output#get, each question once: whether
// a character takes one cell of its own, the style after an SGR code, and the codes get() writes
// between two styles. Each is answered by get() on a small row (`probe`) and remembered, so every
// byte the drawer puts together is still one Ink wrote. How much is remembered is bounded: a
// class per UTF-16 code unit (64 KiB, fixed) and up to STYLE_CACHE_CHARACTERS characters of styles.

/** Ink's own get() on one row `width` wide with these writes ([column, line], no transformers). */
export type ProbeRow = (width: number, writes: Array<[number, string]>) => string;

/**
Styles and the codes between them: a handful of each, but one that comes and goes (a warning that
flashes) must not be asked of get() again each time, so these are kept until they hold
`limit` characters (keys and values), then dropped together.
*/
class SizeBoundCache {
	private readonly entries = new Map<string, string | null>();
	private characters = 0;

	constructor(private readonly limit: number) {}

	get(key: string): string | null | undefined {
		return this.entries.get(key);
	}

	set(key: string, value: string | null): string | null {
		this.characters += key.length + (value?.length ?? 0);
		if (this.characters > this.limit) {
			this.entries.clear();
			this.characters = key.length + (value?.length ?? 0);
		}

		this.entries.set(key, value);
		return value;
	}

	/** Characters held, keys and values. */
	get held(): number {
		return this.characters;
	}
}

/** Characters each of the two style caches keeps at most. */
export const STYLE_CACHE_CHARACTERS = 64 * 1024;

// Cell classes, by UTF-16 code unit: not asked yet, a cell of its own, anything else.
const UNKNOWN = 0;
const ONE_CELL = 1;
const OTHER = 2;

export type InkAnswers = {
	/** Whether get() gives the character (a UTF-16 code unit) a cell of its own, whatever its neighbours. */
	isOneCell: (code: number) => boolean;
	/** The style after an SGR code in `style`: the codes get() opens a cell drawn so with (null when that does not name it back). */
	styleAfter: (style: string, code: string) => string | null;
	/** The codes get() writes between a cell in style `from` and the next one in style `to` ('' for none: the end of the row). */
	codesBetween: (from: string, to: string) => string;
	/** Characters the style caches hold, keys and values. */
	readonly styleCharacters: number;
};

export const createInkAnswers = (probe: ProbeRow): InkAnswers => {
	// Fixed size (64 KiB), however much text goes by.
	const classes = new Uint8Array(0x1_00_00);
	const afterCode = new SizeBoundCache(STYLE_CACHE_CHARACTERS);
	const between = new SizeBoundCache(STYLE_CACHE_CHARACTERS);

	return {
		// Between two letters, twice in a row, and a write two columns on lands right after it (so
		// it is one column wide, not joined to the letter before or after, nor to itself).
		isOneCell(code) {
			let kind = classes[code]!;
			if (kind === UNKNOWN) {
				const character = String.fromCharCode(code);
				const alone = probe(4, [[0, `a${character}a`], [2, 'Z']]) === `a${character}Z`;
				const paired = probe(4, [[0, `${character}${character}a`], [2, 'Z']]) === `${character}${character}Z`;
				kind = alone && paired ? ONE_CELL : OTHER;
				classes[code] = kind;
			}

			return kind === ONE_CELL;
		},
		styleAfter(style, code) {
			const key = `${style}\u0000${code}`;
			let next = afterCode.get(key);
			if (next === undefined) {
				const drawn = probe(1, [[0, `${style}${code}x`]]);
				const opening = drawn.slice(0, drawn.indexOf('x'));
				// The opening codes, read as a line, must give the same style back (so they can name it).
				const again = probe(1, [[0, `${opening}x`]]);
				next = afterCode.set(key, again === drawn ? opening : null);
			}

			return next;
		},
		codesBetween(from, to) {
			const key = `${from}\u0000${to}`;
			let codes = between.get(key);
			if (codes === undefined || codes === null) {
				// `from` opens the row, `to` closes it: what stands between x and y is the change.
				const drawn = probe(2, [[0, `${from}x`], [1, `${to}y`]]);
				codes = between.set(key, drawn.slice(drawn.indexOf('x') + 1, drawn.lastIndexOf('y')))!;
			}

			return codes;
		},
		get styleCharacters() {
			return afterCode.held + between.held;
		},
	};
};
