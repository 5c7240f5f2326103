// VERIFY and panics (reference §9). A failed VERIFY, VERIFY_NOT_REACHED or an out-of-memory
// kmalloc halts the simulated kernel: the kernel records the panic and throws `KernelHalt`,
// which unwinds the simulated call stack (like `Processor::halt()` never returning). The
// program around the kernel catches it and shows the panic; the halted kernel refuses calls.

import type {PanicRecord} from './events.js';

export class KernelHalt extends Error {
	readonly panic: PanicRecord;

	constructor(panic: PanicRecord) {
		super(panic.lines[0] ?? 'kernel halted');
		this.name = 'KernelHalt';
		this.panic = panic;
	}
}

/** Where a VERIFY sits in the SerenityOS source: what `__assertion_failed` prints (§9.2). */
export type SourceSite = {
	expression: string;
	file: string;
	line: number;
	function: string;
};

export const isKernelHalt = (error: unknown): error is KernelHalt => error instanceof KernelHalt;
