// The trace line parsers as they were before they were written without regular expressions (they
// took quadratic time and worse on long runs of whitespace): the oracle the linear ones are checked
// against on short lines, where the regular expressions are quick (test/engine/trace), and with
// readline the baseline `npm run bench` measures the trace reader against (bench/measure-trace.ts).
// Kept as they behaved.

import type {LineParse} from '../../source/engine/trace/trace-record.js';

const ftraceLine = /^\s*(.*)-(\d+)\s+(?:\(\s*[\d-]+\)\s+)?\[(\d+)\]\s+(?:[^\s\d]\S*\s+)?(\d+\.\d+):\s+(\w+):(?:\s+(.*))?$/;
const lostEvents = /^\s*CPU:\s*\d+\s+\[LOST\s+\d+\s+EVENTS\]\s*$/;
const perfLine = /^\s*(.*)\s+(\d+)(?:\/(\d+))?\s+(?:\[(\d+)\]\s+)?(\d+\.\d+):\s+(?:\d+\s+)?(\w+):(\w+):(?:\s+(.*))?$/;
const nullSpellings = new Set(['(null)', '(nil)', 'null', 'nil']);
const kmallocNames = new Set(['kmalloc', 'kmalloc_node']);

type Header = {timeSeconds: number; comm: string; pid: number};

export function regexNormalizeTracePointer(text: string): string | null | undefined {
	const lower = text.toLowerCase();
	if (nullSpellings.has(lower)) {
		return null;
	}

	const digits = lower.startsWith('0x') ? lower.slice(2) : lower;
	if (!/^[\da-f]+$/.test(digits)) {
		return undefined;
	}

	const stripped = digits.replace(/^0+/, '');
	return stripped === '' ? null : stripped;
}

function splitFields(text: string): Map<string, string> {
	const fields = new Map<string, string>();
	for (const token of text.trim().split(/\s+/)) {
		const equals = token.indexOf('=');
		if (equals > 0) {
			fields.set(token.slice(0, equals), token.slice(equals + 1));
		}
	}

	return fields;
}

const parseCount = (text: string | undefined): number | undefined => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);

function regexKmemFields(header: Header, name: string, ignoredName: string, text: string): LineParse {
	const isKmalloc = kmallocNames.has(name);
	if (!isKmalloc && name !== 'kfree') {
		return {kind: 'ignored', event: ignoredName};
	}

	const fields = splitFields(text);
	const callSite = fields.get('call_site');
	const ptrText = fields.get('ptr');
	const ptr = ptrText === undefined ? undefined : regexNormalizeTracePointer(ptrText);
	if (callSite === undefined || ptr === undefined) {
		return 'bad-fields';
	}

	const base = {timeSeconds: header.timeSeconds, comm: header.comm, pid: header.pid, callSite, ptr};
	if (!isKmalloc) {
		return {kind: 'kfree', ...base};
	}

	const bytesReq = parseCount(fields.get('bytes_req'));
	const bytesAlloc = parseCount(fields.get('bytes_alloc'));
	if (bytesReq === undefined || bytesAlloc === undefined) {
		return 'bad-fields';
	}

	return {kind: 'kmalloc', ...base, bytesReq, bytesAlloc};
}

export function regexParseFtraceLine(line: string): LineParse {
	const match = ftraceLine.exec(line);
	if (match === null) {
		return lostEvents.test(line) ? {kind: 'ignored', event: 'LOST EVENTS'} : undefined;
	}

	const [, comm, pid, , seconds, name, fields] = match;
	return regexKmemFields({timeSeconds: Number(seconds), comm: comm.trim(), pid: Number(pid)}, name, name, fields ?? '');
}

export function regexParsePerfLine(line: string): LineParse {
	const match = perfLine.exec(line);
	if (match === null) {
		return undefined;
	}

	const [, comm, pid, tid, , seconds, system, name, fields] = match;
	const qualified = `${system}:${name}`;
	return regexKmemFields({timeSeconds: Number(seconds), comm: comm.trim(), pid: Number(tid ?? pid)}, system === 'kmem' ? name : qualified, qualified, fields ?? '');
}
