/**
 * The scene, the layout and the drawing need no browser: the Kakao model is built, laid out
 * with elkjs and drawn (as SVG trees) right here in Node. This file is type-checked with
 * Node's libraries only (no DOM: tsconfig.json), so anything under media/src/scene, layout
 * (but the worker runner) or draw that reaches for the DOM fails `npm run typecheck`. That is
 * what lets the same code later draw a model outside the editor.
 */
import * as assert from 'node:assert/strict';
import elkBundled from 'elkjs/lib/elk.bundled.js';
import { graphDefs } from '../../media/src/draw/defs.js';
import { drawNode } from '../../media/src/draw/draw-node.js';
import { edgeShape } from '../../media/src/draw/edge-shape.js';
import { SimulationStates } from '../../media/src/draw/simulation-state.js';
import { stateTag, stateTagText } from '../../media/src/draw/state-tag.js';
import type { SvgNode } from '../../media/src/draw/svg-tree.js';
import type { ElkNodeOut } from '../../media/src/layout/elk-graph.js';
import { layoutInput, readLayout } from '../../media/src/layout/elk-graph.js';
import { buildScene } from '../../media/src/scene/build-scene.js';
import type { Measure } from '../../media/src/scene/text.js';
import { kakaoGraph, pangyoFire } from './fixtures/graphs.js';

/** elkjs's CommonJS export is the constructor itself (its types, read as an ES module, say otherwise) */
const ELK = elkBundled as unknown as new () => { layout(graph: unknown): Promise<ElkNodeOut> };

const measure: Measure = (text, role) => text.length * (role === 'chip' ? 6 : 7);

function texts(node: SvgNode): string[] {
    return [...(node.text !== undefined ? [node.text] : []), ...node.children.flatMap(texts)];
}

describe('the preview drawn in Node (no DOM)', () => {
    it('builds, lays out and draws the Kakao model, with a simulation', async () => {
        assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
        const scene = buildScene(kakaoGraph(), { collapsed: new Set() }, measure);
        const input = layoutInput(scene, 'DOWN');
        const layout = readLayout(await new ELK().layout(input.graph), input, 'DOWN');
        const drawn = [...scene.nodes.values()].map(node => drawNode(node, layout.boxes.get(node.id)!, measure));
        assert.equal(drawn.length, scene.nodes.size);
        const talk = drawn.find(g => g.attrs['data-name'] === 'talk')!;
        assert.ok(texts(talk).includes('talk') && texts(talk).includes('pangyo ×200'), texts(talk).join(' | '));
        assert.ok(scene.edges.every(edge => edgeShape(edge, layout)?.d.startsWith('M')), 'every edge has a path');
        const states = new SimulationStates(pangyoFire());
        assert.equal(states.ofElement('talk'), 'down');
        assert.equal(texts(stateTag(stateTagText('down', states.outageMinutes('talk'), kakaoGraph().elements.find(e => e.name === 'talk'))!, measure))[0], '✕ DOWN · 10 h');
        assert.ok(graphDefs().children.some(m => m.attrs.id === 'arrow'));
    });
});
