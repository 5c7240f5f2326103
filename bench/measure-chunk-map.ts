// The cost of the `Subheap #N` view on the busiest subheap there is: the pool after 3,000 ticks of
// vmobject-churn (tens of thousands of small blocks). Building its subheap document (bitmap copy,
// blocks from their headers, free runs), drawing an 80×50 chunk map as styled lines, and painting
// them to a terminal string; with and without holder ids (which make every cell look at its
// blocks). The baseline is what every frame already pays: the snapshot document. The goal later
// is a whole frame with the map open under 10 ms.

import {buildSnapshot} from '../source/engine/build-snapshot.js';
import {buildSubheapDocument, type SubheapDocument} from '../source/engine/build-subheap-document.js';
import {Simulation} from '../source/engine/simulation.js';
import {loadBuiltinWorkload} from '../source/engine/workload-loader.js';
import {paintLine} from '../source/ui/tone-style.js';
import {renderChunkMap} from '../source/view/render-chunk-map.js';

const MiB = 1024 * 1024;

/** Median milliseconds of `fn` over `runs`, after a warm-up. */
const median = (fn: () => void, runs: number): number => {
	for (let run = 0; run < Math.min(20, runs); run++) {
		fn();
	}

	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		fn();
		times.push(performance.now() - started);
	}

	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
};

export type ChunkMapCost = {
	chunks: number;
	blocks: number;
	buildMs: number;
	renderMs: number;
	paintMs: number;
	holderBuildMs: number;
	holderRenderMs: number;
	snapshotMs: number;
	/** Build + render + paint, the map's share of a frame. */
	totalMs: number;
};

const draw = (document: SubheapDocument): string[] =>
	renderChunkMap(document, {width: 80, rowCount: 50, gutter: false, tags: false}).map((line) => paintLine(line, true));

export const measureChunkMap = async (runs = 200): Promise<ChunkMapCost> => {
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * MiB, workload: await loadBuiltinWorkload('vmobject-churn')});
	simulation.step(3000);
	const {kernel} = simulation;
	const document = buildSubheapDocument(kernel, 0)!;
	const lines = renderChunkMap(document, {width: 80, rowCount: 50, gutter: false, tags: false});
	// Eight made-up holders, so the cells weigh their blocks as they will once holders are known.
	const holderOf = (address: number) => (address >>> 5) % 8;
	const withHolders = buildSubheapDocument(kernel, 0, {holderOf})!;
	const buildMs = median(() => buildSubheapDocument(kernel, 0), runs);
	const renderMs = median(() => renderChunkMap(document, {width: 80, rowCount: 50, gutter: false, tags: false}), runs);
	const paintMs = median(() => lines.map((line) => paintLine(line, true)), runs);
	return {
		chunks: document.totalChunks,
		blocks: document.blocks.firstChunk.length,
		buildMs,
		renderMs,
		paintMs,
		holderBuildMs: median(() => buildSubheapDocument(kernel, 0, {holderOf}), runs),
		holderRenderMs: median(() => draw(withHolders), runs),
		snapshotMs: median(() => buildSnapshot(simulation), runs),
		totalMs: buildMs + renderMs + paintMs,
	};
};
