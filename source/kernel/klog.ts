// klog() (reference §10.2): a line is built in a BufferedLogStream with 128 bytes inline; a line
// longer than that, counting the coloured prefix and the final newline, is built in a kmalloc'd
// buffer of round_up(length, 128) bytes, freed once the line is out. The prefix names the current
// thread, `[#<cpu> Name(pid:tid)]` since 95bfc12ff43 (2021-01-27), `[Name(pid:tid)]` before, and
// `[Kernel]` (in cyan) when there is no current thread.

const INLINE_CAPACITY = 128;
const BLUE = '\u001B[34;1m';
const CYAN = '\u001B[36;1m';
const RESET = '\u001B[0m';

export type KlogLine = {
	/** What a terminal shows: the prefix without its colour codes, then the message. */
	text: string;
	/** What the console received: colour codes and newline included. */
	rawLength: number;
	/** Bytes klog had to kmalloc for it (0 when it fit inline). */
	bufferBytes: number;
};

export const formatKlogLine = (message: string, process: string | undefined, cpuPrefix: boolean): KlogLine => {
	const tag = process === undefined ? '[Kernel]' : cpuPrefix ? `[#0 ${process}]` : `[${process}]`;
	const colour = process === undefined ? CYAN : BLUE;
	const rawLength = colour.length + tag.length + RESET.length + 2 + message.length + 1;
	const bufferBytes = rawLength > INLINE_CAPACITY ? Math.ceil(rawLength / INLINE_CAPACITY) * INLINE_CAPACITY : 0;
	return {text: `${tag}: ${message}`, rawLength, bufferBytes};
};
