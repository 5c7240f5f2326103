// What `kmtop` runs: the CLI and its two worker threads bundled by esbuild into dist/bundle/, with
// Ink, React, meow and chalk inside. Loading them from node_modules cost most of a start: hundreds
// of small ES modules to resolve and compile one by one (es-toolkit/compat alone, for Ink's one
// `throttle`, is 416 files), and react-reconciler's CommonJS read by Node's lexer. A few files,
// tree-shaken, load in a fraction of that. `npm run build` runs this after tsc, which still builds
// dist/source (what the tests import and start workers from), dist/workloads (the built-in
// workloads, loaded by path at run time, never bundled) and dist/bench.
//
// Layout: every output in one folder, so the `new URL('engine-worker.js', import.meta.url)` of
// whichever chunk starts a worker finds the worker's entry beside it. Shared code is split into
// chunks, and what is imported lazily stays lazy: `kmtop --version` does not load Ink.

import {realpathSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bundleDirectory = path.join(projectRoot, 'dist', 'bundle');

/**
Ink's Output class, patched by source/ui/patch-ink-output.ts, is internal to Ink: not in its
exports, so from node_modules it is imported by file (source/ui/load-ink-output.ts). In the bundle
that would be a second copy, not the class the bundled Ink draws with: here the loader is
replaced by a static import of the very file Ink's renderer imports, which esbuild then includes
once. A build against an Ink without build/output.js fails here, loudly.
*/
const inkOutputPlugin = {
	name: 'kmtop-ink-output',
	setup(build) {
		const inkOutput = realpathSync(path.join(path.dirname(createRequire(import.meta.url).resolve('ink')), 'output.js'));
		build.onLoad({filter: /[/\\]source[/\\]ui[/\\]load-ink-output\.ts$/}, () => ({
			contents: `import * as output from ${JSON.stringify(inkOutput)};\nexport const loadInkOutput = async () => output;\n`,
			loader: 'js',
			resolveDir: projectRoot,
		}));
	},
};

/** Builds dist/bundle/ from source/ (the folder is emptied first: chunk names change with their contents). */
export const buildBundle = async () => {
	rmSync(bundleDirectory, {recursive: true, force: true});
	const result = await esbuild.build({
		absWorkingDir: projectRoot,
		entryPoints: {cli: 'source/cli.ts', 'engine-worker': 'source/engine/engine-worker.ts', 'sweep-worker': 'source/sweep/sweep-worker.ts'},
		outdir: bundleDirectory,
		chunkNames: 'chunk-[hash]',
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		// cli.js sets NODE_ENV=production before anything loads, and the worker threads inherit it:
		// fixed here too, React's development builds are left out of the bundle.
		//
		// fetch: yoga-layout's loader (Emscripten's) fetches its own WebAssembly, inlined as a data:
		// URL, through fetch when there is one, and Node's fetch loads all of undici first (a tenth
		// of a second or more); without it, the loader decodes the base64 itself. Nothing else in
		// the bundle calls a global fetch: kmtop never goes to the network.
		define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
		// Ink imports it only when DEV=true, as it does from node_modules (and says so when missing).
		external: ['react-devtools-core'],
		// The bundled CommonJS (react, react-reconciler, signal-exit…) calls require() for Node's
		// own modules, which an ES module does not have.
		banner: {js: "import {createRequire as __kmtopCreateRequire} from 'node:module';\nconst require = __kmtopCreateRequire(import.meta.url);"},
		// For stack traces of kmtop's own failures (DEBUG=kmtop turns them on, cli.js): lines in
		// source/*.ts. The mappings only; the sources are in the repository.
		sourcemap: 'linked',
		sourcesContent: false,
		plugins: [inkOutputPlugin],
		logLevel: 'warning',
		metafile: true,
	});
	return result.metafile;
};

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const started = Date.now();
	const metafile = await buildBundle();
	const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
	const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
	process.stdout.write(`bundle: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB in dist/bundle (${Date.now() - started} ms)\n`);
}
