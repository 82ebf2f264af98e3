/** The nodes of a scene as they are added: by id, as children of their container, and which node shows each element. */
import type { SceneNode } from './scene.js';

export class SceneTree {
    readonly nodes = new Map<string, SceneNode>();
    /** children of each container id ('' = top level), in the order added */
    readonly children = new Map<string, string[]>();
    /** element name → the id of the node that shows it (itself, or the collapsed container hiding it) */
    readonly shownAs = new Map<string, string>();

    add(node: SceneNode): void {
        this.nodes.set(node.id, node);
        const key = node.parent ?? '';
        let list = this.children.get(key);
        if (!list) this.children.set(key, (list = []));
        list.push(node.id);
    }
}
