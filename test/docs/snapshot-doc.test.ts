// docs/snapshot.md describes every key of the schema the package ships, top-level keys as
// headings in document order and each one's own keys in its section, so a key added to the
// schema without a word for users fails here.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

type Schema = {properties?: Record<string, Schema>; items?: Schema; oneOf?: Schema[]};

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const schema = JSON.parse(read('source/snapshot.schema.json')) as Schema;
const doc = read('docs/snapshot.md');

// The doc's `### \`key\`` sections, in order, with their text.
const sections = new Map([...doc.matchAll(/^### `(\w+)`[^\n]*\n([\s\S]*?)(?=^##)/gm)].map(([, key, text]) => [key!, text!]));

// An object's own keys, through arrays and `null |` alternatives.
const ownKeys = (node: Schema): string[] =>
	Object.keys(node.properties ?? node.items?.properties ?? node.oneOf?.find(option => option.properties)?.properties ?? {});

// The keys of the objects inside an object's keys, at any depth, through arrays and every alternative.
const innerKeys = (node: Schema): string[] => [...new Set([node, node.items, ...(node.oneOf ?? [])].flatMap(option =>
	Object.values(option?.properties ?? {}).flatMap(inner => [...[inner, inner.items, ...(inner.oneOf ?? [])].flatMap(shape => Object.keys(shape?.properties ?? {})), ...innerKeys(inner)]),
))];

describe('docs/snapshot.md', () => {
	const topLevel = Object.keys(schema.properties!);

	it('has a section for every key of the schema, in document order', () => {
		expect([...sections.keys()]).toEqual(topLevel);
	});

	it.each(topLevel.flatMap(key => ownKeys(schema.properties![key]!).map(own => [key, own] as const)))('%s: describes `%s`', (key, own) => {
		// memstat's slab keys are described once, as slab_N_num_allocated and slab_N_num_free.
		expect(sections.get(key)).toContain(`\`${own.replace(/^slab_\d+_/, 'slab_N_')}\``);
	});

	// `start.workload`'s `kind`, `trace.skipped`'s reasons, `freeRuns`' `{minChunks, …}`: named in the section, in code.
	it.each(topLevel.flatMap(key => innerKeys(schema.properties![key]!).map(inner => [key, inner] as const)))('%s: names the inner key %s', (key, inner) => {
		const code = [...sections.get(key)!.matchAll(/`([^`]+)`/g)].map(([, span]) => span!).join(' ');
		expect(code).toMatch(new RegExp(`\\b${inner}\\b`));
	});

	it('names the schema file the package ships, and its export', () => {
		expect(doc).toContain('`source/snapshot.schema.json`');
		const manifest = JSON.parse(read('package.json')) as {exports: Record<string, string>; files: string[]};
		expect(manifest.exports['./snapshot.schema.json']).toBe('./source/snapshot.schema.json');
		expect(manifest.files).toContain('source/snapshot.schema.json');
		expect(doc).toContain('`kmtop/snapshot.schema.json`');
	});
});
