#!/usr/bin/env node
// The bin entry. Environment first, before anything can load React or chalk:
// - React's development build leaks memory on every render: production it is (Ink 6.8).
// - chalk ignores NO_COLOR, so NO_COLOR (any value, https://no-color.org) and TERM=dumb become
//   FORCE_COLOR=0, which chalk honours. `--no-color` is handled the same way.
import module from 'node:module';
import process from 'node:process';

process.env.NODE_ENV = 'production';
// --no-color wins over everything; NO_COLOR and TERM=dumb yield to an explicit FORCE_COLOR, as
// they do for Node itself.
if (process.argv.includes('--no-color')) {
	process.env.FORCE_COLOR = '0';
} else if (
	process.env.FORCE_COLOR === undefined &&
	((process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') || process.env.TERM === 'dumb')
) {
	process.env.FORCE_COLOR = '0';
}

// FORCE_COLOR now says it all. Node 22 and later warn in every thread and child started with both
// set ("The 'NO_COLOR' env is ignored…"), so the engine's threads must not inherit NO_COLOR too.
if (process.env.FORCE_COLOR !== undefined) {
	delete process.env.NO_COLOR;
}

// Node 22.1 and later can keep V8's compiled code on disk between runs (in the OS temp folder),
// so a start does not parse Ink, React and kmtop again each time; NODE_DISABLE_COMPILE_CACHE=1
// turns it off. Node 20 has no such call.
module.enableCompileCache?.();

// What runs is the bundle (scripts/build-bundle.js): kmtop with Ink, React and meow in a few files,
// which load far faster than the hundreds of modules they come from. Its source maps turn stack
// traces into lines of source/*.ts; they are read only when a stack will be shown (DEBUG=kmtop),
// since reading them costs time at every start.
if ((process.env.DEBUG ?? '').split(',').includes('kmtop')) {
	process.setSourceMapsEnabled(true);
}

const {main} = await import('./dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
