/** A laid-out scene: a box per node and the routes of the edges, in graph coordinates. */

export type Direction = 'RIGHT' | 'DOWN';

export interface Point { x: number; y: number }
export interface Box { x: number; y: number; width: number; height: number }

/** scene edge id → the layout edge it was lifted to ('' when none), and the chains of nodes from its source up to it and from it down to its target */
export type Lifts = Map<string, { layoutEdge: string; up: string[]; down: string[] }>;

export interface Layout {
    boxes: Map<string, Box>;
    /** routes of the lifted edges, by layout edge id */
    routes: Map<string, Point[]>;
    lifts: Lifts;
    width: number;
    height: number;
    direction: Direction;
}
