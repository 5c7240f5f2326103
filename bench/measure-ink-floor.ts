// Issue #14 asks what Ink does per frame that kmtop cannot avoid. A minimal Ink app draws a frame
// comparable to kmtop's (child-ink-floor.tsx) 4 times a second under a pseudo-terminal (`script`,
// 120×40), once as stock Ink and once driven as kmtop drives it; both run at once, so the
// machine's other load falls on both alike. Each reports its main thread's CPU per frame.

import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export type InkFloorArm = {mode: string; frames: number; cpuSeconds: number; msPerFrame: number};
export type InkFloor = {stock: InkFloorArm; kmtop: InkFloorArm};

const runArm = async (folder: string, mode: 'stock' | 'kmtop', warmSeconds: number, seconds: number, core?: string): Promise<InkFloorArm> => {
	const pin = core === undefined ? '' : `taskset -c ${core} `;
	const file = path.join(folder, `${mode}.json`);
	const command = `stty cols 120 rows 40; exec ${pin}'${process.execPath}' '${path.join(here, 'child-ink-floor.js')}' '${file}' ${mode} ${warmSeconds} ${seconds}`;
	const child = spawn('script', ['-qec', command, '/dev/null'], {env: {...process.env, NODE_ENV: 'production', TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'ignore']});
	// The pseudo-terminal's output must be read, or the app blocks on a full terminal.
	child.stdout.resume();
	await new Promise((resolve) => {
		child.on('exit', resolve);
	});
	return JSON.parse(readFileSync(file, 'utf8')) as InkFloorArm;
};

/** Both arms on one core (`taskset -c core`) when `core` is given. */
export const measureInkFloor = async (warmSeconds: number, seconds: number, core?: string): Promise<InkFloor> => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'kmtop-ink-floor-'));
	try {
		const [stock, kmtop] = await Promise.all([runArm(folder, 'stock', warmSeconds, seconds, core), runArm(folder, 'kmtop', warmSeconds, seconds, core)]);
		return {stock, kmtop};
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
};
