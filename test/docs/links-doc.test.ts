// What users read points at what is there: every relative link of the README and docs/ reaches a
// file of the repository (and its anchor a heading of that file), every repository path they name
// in code exists, and nothing in the repository refers to a document it does not hold: a `.md`
// named anywhere (comments and tests included) is one of its own, and no file points outside it.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const documents = ['README.md', ...readdirSync(path.join(root, 'docs')).filter(name => name.endsWith('.md')).map(name => `docs/${name}`)];

// Every text file of these folders, as a path from the root.
const walk = (folder: string): string[] => readdirSync(path.join(root, folder)).flatMap(name => {
	const file = `${folder}/${name}`;
	return statSync(path.join(root, file)).isDirectory() ? walk(file) : [file];
});
const sources = [...documents, 'cli.js', 'package.json', ...['source', 'workloads', 'scripts', 'bench', 'test', '.ci'].flatMap(walk)]
	.filter(file => /\.(?:[cm]?[jt]sx?|json|md)$|^\.ci\//.test(file));

// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
const anchorOf = (heading: string) => heading.trim().toLowerCase().replaceAll(/[^\p{L}\p{N}\s_-]/gu, '').replaceAll(/\s/g, '-');
const withoutCode = (text: string) => text.replaceAll(/^```[\s\S]*?^```$/gm, '');
const anchors = (file: string) => new Set(withoutCode(read(file)).split('\n').flatMap(line => /^#{1,6} (.+)$/.exec(line)?.slice(1).map(anchorOf) ?? []));

const links = documents.flatMap(file => [...withoutCode(read(file)).matchAll(/\]\(([^)\s]+)\)/g)]
	.map(([, target]) => ({file, target: target!}))
	.filter(({target}) => !/^[a-z]+:/.test(target)));

describe('links and paths of README.md and docs/', () => {
	it.each(links)('$file → $target', ({file, target}) => {
		const [page = '', anchor] = target.split('#');
		const linked = page === '' ? file : path.posix.join(path.posix.dirname(file), page);
		expect(existsSync(path.join(root, linked))).toBe(true);
		if (anchor !== undefined) {
			expect([...anchors(linked)]).toContain(anchor);
		}
	});

	// The README and `kmtop --help` point at docs/: the package ships it.
	it('ships every linked document in the package', () => {
		const {files} = JSON.parse(read('package.json')) as {files: string[]};
		const linked = links.map(({file, target}) => path.posix.join(path.posix.dirname(file), target.split('#')[0]!));
		expect(linked.filter(file => !files.some(shipped => file === shipped || file.startsWith(`${shipped}/`)))).toEqual([]);
	});

	it.each(documents)('%s: every repository path it names in code exists', file => {
		const named = [...read(file).matchAll(/`((?:source|test|docs|workloads|scripts|bench|\.ci)\/[\w./-]*)`/g)].map(([, name]) => name!);
		expect(named.filter(name => !existsSync(path.join(root, name)))).toEqual([]);
	});
});

describe('the repository stands alone', () => {
	const markdown = new Set(sources.filter(file => file.endsWith('.md')).map(file => path.posix.basename(file)));

	it('has its text files', () => {
		expect(sources.length).toBeGreaterThan(300);
	});

	it.each(sources)('%s names only documents the repository holds, and nothing outside it', file => {
		const text = read(file);
		const named = [...text.matchAll(/[\w./-]*?([\w-]+\.md)\b/g)].map(([, name]) => name!);
		expect(named.filter(name => !markdown.has(name))).toEqual([]);
		// Spelled in parts, so this file does not match itself.
		expect(text).not.toMatch(new RegExp(`\\.\\./${'shared'}|/${'work'}/`));
		// test/reference/ (the literal ports the tests import) is the repository's only `reference/`.
		expect(text).not.toMatch(new RegExp(`(?<!test/|\\.\\./)\\b${'reference'}/[\\w.-]+`));
	});
});
