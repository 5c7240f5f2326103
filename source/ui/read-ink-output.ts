// Reading Ink's Output, which is internal to Ink (reached by file, see load-ink-output.ts): what
// patch-ink-output.ts relies on is checked field by field first (checkOutput), and a frame's
// operations are read as each row's writes, placed as Output#get would place them (rowWrites).

type Transformer = (line: string, index: number) => string;
type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};
type StyledChar = {value: string; styles: unknown[]};
export type OutputInstance = {
	width: number;
	height: number;
	operations: Operation[];
	/** The tokenizer and measure get() itself uses, each Output with its own. */
	caches: {getStyledChars(line: string): StyledChar[]; getStringWidth(text: string): number};
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: Clip): void;
	unclip(): void;
};
export type OutputClass = {new (options: {width: number; height: number}): OutputInstance; prototype: {get: (this: OutputInstance) => {output: string; height: number}}};

/** What is wrong with Ink's Output for this patch, if anything. */
export const checkOutput = (Output: unknown): string | undefined => {
	if (typeof Output !== 'function') {
		return 'ink/build/output.js has no default export class';
	}

	const {prototype} = Output as OutputClass;
	if (typeof prototype?.get !== 'function') {
		return 'Output.prototype.get is not a function';
	}

	const sample = new (Output as OutputClass)({width: 3, height: 2}) as Partial<OutputInstance>;
	if (sample.width !== 3 || sample.height !== 2 || !Array.isArray(sample.operations)) {
		return 'an Output has no width, height or operations array';
	}

	if (typeof sample.write !== 'function' || typeof sample.clip !== 'function' || typeof sample.unclip !== 'function') {
		return 'an Output has no write(), clip() or unclip()';
	}

	const chars = typeof sample.caches?.getStyledChars === 'function' && typeof sample.caches.getStringWidth === 'function' ? sample.caches.getStyledChars('\u001B[1ma\u001B[22m') : undefined;
	if (chars?.length !== 1 || chars[0]!.value !== 'a' || !Array.isArray(chars[0]!.styles) || chars[0]!.styles.length !== 1 || sample.caches!.getStringWidth('a') !== 1) {
		return 'an Output has no caches.getStyledChars() giving {value, styles} per character, or no caches.getStringWidth()';
	}

	sample.clip({y1: 0, y2: 2});
	sample.write(1, 1, 'ab', {transformers: []});
	sample.unclip();
	const [clip, write, unclip] = sample.operations as Array<Record<string, unknown>>;
	if (clip?.type !== 'clip' || (clip.clip as Clip | undefined)?.y2 !== 2 || unclip?.type !== 'unclip') {
		return 'Output#clip and #unclip no longer record {type: "clip", clip} and {type: "unclip"}';
	}

	if (write?.type !== 'write' || write.x !== 1 || write.y !== 1 || write.text !== 'ab' || !Array.isArray(write.transformers)) {
		return 'Output#write no longer records {type, x, y, text, transformers}';
	}

	const drawn = (Output as OutputClass).prototype.get.call(sample as OutputInstance);
	return drawn.output === '\n ab' && drawn.height === 2 ? undefined : 'Output#get no longer returns {output, height} as rows of text';
};

/**
Each row's writes, as Ink's get() would place them: [x, line, x, line, …]; undefined to leave the frame to Ink.
Counted loops here and in the rest of a frame's path (Output#get, paintLines, paintLine): this runs
for every row of every frame, mostly in V8's baseline tier (four frames a second is too few for
TurboFan), where for…of makes an iterator and a result object for each item.
*/
export const rowWrites = (output: OutputInstance): Array<Array<number | string>> | undefined => {
	const rows: Array<Array<number | string>> = [];
	for (let row = 0; row < output.height; row++) {
		rows.push([]);
	}

	const clips: Clip[] = [];
	const {operations} = output;
	for (let at = 0; at < operations.length; at++) {
		const operation = operations[at]!;
		if (operation.type === 'clip') {
			if (typeof operation.clip.x1 === 'number' && typeof operation.clip.x2 === 'number') {
				return undefined;
			}

			clips.push(operation.clip);
		} else if (operation.type === 'unclip') {
			clips.pop();
		} else if (operation.type === 'write') {
			let {y} = operation;
			let lines = operation.text.split('\n');
			const clip = clips.at(-1);
			if (clip && typeof clip.y1 === 'number' && typeof clip.y2 === 'number') {
				const height = lines.length;
				if (y + height < clip.y1 || y > clip.y2) {
					continue;
				}

				lines = lines.slice(y < clip.y1 ? clip.y1 - y : 0, y + height > clip.y2 ? clip.y2 - y : height);
				y = Math.max(y, clip.y1);
			}

			// As Ink does it: a line with no row to go to leaves the next line at the same row.
			let offsetY = 0;
			const {transformers} = operation;
			for (let index = 0; index < lines.length; index++) {
				const row = rows[y + offsetY];
				if (!row) {
					continue;
				}

				let line = lines[index]!;
				for (let step = 0; step < transformers.length; step++) {
					line = transformers[step]!(line, index);
				}

				if (line.includes('\n')) {
					return undefined;
				}

				row.push(operation.x, line);
				offsetY++;
			}
		} else {
			return undefined;
		}
	}

	return rows;
};
