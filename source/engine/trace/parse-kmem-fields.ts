// The `key=value` tail shared by ftrace and perf (both print the tracepoint's own format string).
//
// kmalloc_node: kernels before 6.1 had a separate `kmalloc_node` event whose fields are exactly
// kmalloc's (call_site, ptr, bytes_req, bytes_alloc, gfp_flags, node); 6.1 folded it into `kmalloc`
// with `node=`. Its blocks are freed by plain `kfree`, so ignoring it would turn those frees into
// unknown pointers: it is replayed as a kmalloc when its fields parse as kmalloc's, and is a
// malformed line otherwise (a tracepoint that changed shape is not one we understand).

import {normalizeTracePointer} from './normalize-trace-pointer.js';
import type {LineParse} from './trace-record.js';

export type EventHeader = {timeSeconds: number; comm: string; pid: number};

const kmallocNames = new Set(['kmalloc', 'kmalloc_node']);

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

function parseCount(text: string | undefined): number | undefined {
	return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** `name` is the bare event name (`kmalloc`, not `kmem:kmalloc`); `ignoredName` is what an ignored record shows. */
export function parseKmemFields(header: EventHeader, name: string, ignoredName: string, text: string): LineParse {
	const isKmalloc = kmallocNames.has(name);
	if (!isKmalloc && name !== 'kfree') {
		return {kind: 'ignored', event: ignoredName};
	}

	const fields = splitFields(text);
	const callSite = fields.get('call_site');
	const ptrText = fields.get('ptr');
	const ptr = ptrText === undefined ? undefined : normalizeTracePointer(ptrText);
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
