// The `key=value` tail shared by ftrace and perf (both print the tracepoint's own format string).
// Fields are whitespace-separated tokens; a token's key is what precedes its first `=`, and a key
// given twice keeps its last value. Only the four the replay needs are looked at, in place, without
// splitting the line (this runs a million times a second).
//
// kmalloc_node: kernels before 6.1 had a separate `kmalloc_node` event whose fields are exactly
// kmalloc's (call_site, ptr, bytes_req, bytes_alloc, gfp_flags, node); 6.1 folded it into `kmalloc`
// with `node=`. Its blocks are freed by plain `kfree`, so ignoring it would turn those frees into
// unknown pointers: it is replayed as a kmalloc when its fields parse as kmalloc's, and is a
// malformed line otherwise (a tracepoint that changed shape is not one we understand).
//
// Sizes are read as numbers whatever their length: one of 2^32 bytes or more cannot be a size_t
// on i386, and the replay counts and skips it (trace-replay.ts); the parser only reads.

import {normalizeTracePointer} from './normalize-trace-pointer.js';
import {isDigit, skipNonSpaces, skipSpaces} from './scan-trace-text.js';
import type {LineParse} from './trace-record.js';

export type EventHeader = {timeSeconds: number; comm: string; pid: number};

/** The raw values of the four fields the replay reads; undefined when absent. */
export type KmemFields = {callSite: string | undefined; ptr: string | undefined; bytesReq: string | undefined; bytesAlloc: string | undefined};

/** `^\d+$` as a number, or undefined. */
const parseCount = (text: string | undefined): number | undefined => {
	if (text === undefined || text === '') {
		return undefined;
	}

	for (let index = 0; index < text.length; index++) {
		if (!isDigit(text.charCodeAt(index))) {
			return undefined;
		}
	}

	return Number(text);
};

/** The four fields' raw values in `line` from `start`, token by token; a field given twice keeps its last. */
const readFields = (line: string, start: number): KmemFields => {
	const fields: KmemFields = {callSite: undefined, ptr: undefined, bytesReq: undefined, bytesAlloc: undefined};
	for (let index = skipSpaces(line, start); index < line.length; index = skipSpaces(line, index)) {
		const end = skipNonSpaces(line, index);
		// A token's key ends at its first `=`: a key without `=` in it is matched by its prefix alone.
		if (line.startsWith('ptr=', index)) {
			fields.ptr = line.slice(index + 4, end);
		} else if (line.startsWith('call_site=', index)) {
			fields.callSite = line.slice(index + 10, end);
		} else if (line.startsWith('bytes_req=', index)) {
			fields.bytesReq = line.slice(index + 10, end);
		} else if (line.startsWith('bytes_alloc=', index)) {
			fields.bytesAlloc = line.slice(index + 12, end);
		}

		index = end;
	}

	return fields;
};

/** The fields as Linux prints them, for the common case: call_site and ptr first, then a kmalloc's sizes. */
const commonFields = /call_site=(\S*)\s+ptr=(\S*)(?:\s+bytes_req=(\S*)\s+bytes_alloc=(\S*))?/y;

/** Any of the four keys, anywhere: a key given again after the common fields takes the exact path. */
const anyKey = /call_site=|ptr=|bytes_req=|bytes_alloc=/g;

/** Whether none of the four keys occurs in `line` from `index` on. */
export const noKeyAfter = (line: string, index: number): boolean => {
	anyKey.lastIndex = index;
	return !anyKey.test(line);
};

/** readFields, by one sticky match when the fields are laid out as Linux prints them. */
const readFieldsQuickly = (line: string, start: number): KmemFields => {
	commonFields.lastIndex = start;
	const match = commonFields.exec(line);
	return match !== null && noKeyAfter(line, commonFields.lastIndex)
		? {callSite: match[1], ptr: match[2], bytesReq: match[3], bytesAlloc: match[4]}
		: readFields(line, start);
};

/**
`name` is the bare event name (`kmalloc`, not `kmem:kmalloc`); `ignoredName` is what an ignored
record shows; the fields are `line` from index `fieldsStart`.
*/
export function parseKmemFields(header: EventHeader, name: string, ignoredName: string, line: string, fieldsStart: number): LineParse {
	if (!isAllocationEvent(name)) {
		return {kind: 'ignored', event: ignoredName};
	}

	const {callSite, ptr, bytesReq, bytesAlloc} = readFieldsQuickly(line, fieldsStart);
	return kmemRecord(header.timeSeconds, header.comm, header.pid, name, callSite, ptr, bytesReq, bytesAlloc);
}

export const isAllocationEvent = (name: string): boolean => name === 'kmalloc' || name === 'kfree' || name === 'kmalloc_node';

/** The record of a kmalloc, kmalloc_node or kfree event, from its header and its fields' raw values (positional: no object a line). */
export function kmemRecord(
	timeSeconds: number, comm: string, pid: number, name: string,
	callSite: string | undefined, ptrText: string | undefined, bytesReqText: string | undefined, bytesAllocText: string | undefined,
): LineParse {
	const ptr = ptrText === undefined ? undefined : normalizeTracePointer(ptrText);
	if (callSite === undefined || ptr === undefined) {
		return 'bad-fields';
	}

	if (name === 'kfree') {
		return {kind: 'kfree', timeSeconds, comm, pid, callSite, ptr};
	}

	const bytesReq = parseCount(bytesReqText);
	const bytesAlloc = parseCount(bytesAllocText);
	if (bytesReq === undefined || bytesAlloc === undefined) {
		return 'bad-fields';
	}

	return {kind: 'kmalloc', timeSeconds, comm, pid, callSite, ptr, bytesReq, bytesAlloc};
}
