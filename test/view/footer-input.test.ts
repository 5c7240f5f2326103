// The footer is drawn from what it reads of the document and the facts (footerInput), and the
// live view draws it again only when that changes: every part of it must count.

import {describe, expect, test} from 'vitest';
import {describeFooter, describeFooterOf, footerInput, sameFooterInput, type FooterInput} from '../../source/view/describe-footer.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument} from './document-fixture.js';

const facts: ViewFacts = {live: true, rate: 100, paused: false, frozen: false, workloads: ['steady', 'vmobject-churn', 'leak']};
const input = (): FooterInput => footerInput(baseDocument(), facts);

describe('the footer\'s input', () => {
	test('the same document and facts, new objects: the same input', () => {
		expect(sameFooterInput(input(), footerInput(structuredClone(baseDocument()), structuredClone(facts)))).toBe(true);
	});

	test.each<[string, Partial<FooterInput>]>([
		['live', {live: false}],
		['status', {status: 'saved x.json'}],
		['paused', {paused: true}],
		['frozen', {frozen: true}],
		['past', {past: true}],
		['workloads', {workloads: ['steady', 'vmobject-churn']}],
		['a workload renamed', {workloads: ['steady', 'vmobject-churn', 'leak2']}],
		['no workloads said', {workloads: undefined}],
		['workload', {workload: 'leak'}],
		['panic', {panic: true}],
		['failure', {failure: 'workload leak failed at tick 3: boom'}],
		['schema', {schema: 'other'}],
		['version', {version: '9.9.9'}],
		['ramBytes', {ramBytes: 1}],
	])('%s changed: another input, and it says so', (_, change) => {
		expect(sameFooterInput(input(), {...input(), ...change})).toBe(false);
	});

	test('the footer is its input\'s', () => {
		for (const lines of [1, 2] as const) {
			expect(describeFooterOf(input(), 120, lines)).toEqual(describeFooter(baseDocument(), facts, 120, lines));
		}
	});
});
