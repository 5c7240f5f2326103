// kmtop as a person runs it, for the bench lines that measure the whole app (live start, soak,
// time travel): under a pseudo-terminal (`script`, 120×40), and its process found for /proc.

import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';

export const sleep = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

/**
 * `node cli.js ...args` of the checkout at `root`, in a 120×40 pseudo-terminal; on one core
 * (`taskset -c core`, which execs node in turn) when `core` is given.
 */
export const spawnKmtop = (root: string, args: string[], core?: string): ChildProcessWithoutNullStreams => {
	const pin = core === undefined ? '' : `taskset -c ${core} `;
	const command = `stty cols 120 rows 40; exec ${pin}'${process.execPath}' '${path.join(root, 'cli.js')}' ${args.join(' ')}`;
	return spawn('script', ['-qec', command, '/dev/null'], {cwd: root, env: {...process.env, TERM: 'xterm-256color'}});
};

/** kmtop's own process: the child of `script` once its shell has exec'd node (undefined before). */
export const findKmtop = (script: ChildProcessWithoutNullStreams): number | undefined =>
	spawnSync('pgrep', ['-P', String(script.pid)], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean).map(Number)
		.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(process.execPath));

const clockTicksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout.trim()) || 100;

/** A stat file's fields after the name (which may hold spaces): the first is field 3, the state. */
const statFields = (statPath: string): string[] => {
	const stat = readFileSync(statPath, 'utf8');
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

/** User + system CPU seconds of a process or thread, from its stat file (fields 14 and 15). */
export const statCpuSeconds = (statPath: string): number => {
	const fields = statFields(statPath);
	return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
};

/** Minor page faults of a process or thread so far, from its stat file (field 10, minflt). */
export const statMinorFaults = (statPath: string): number => Number(statFields(statPath)[7]);

/** A size field of /proc/PID/status (VmRSS, VmHWM), in bytes. */
export const statusBytes = (pid: number, field: 'VmRSS' | 'VmHWM'): number =>
	Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
