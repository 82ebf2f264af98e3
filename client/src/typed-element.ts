/**
 * What "Simulate Failure…" takes when Enter is pressed with nothing ticked and no row
 * highlighted (a multi-select list highlights none until an arrow key is pressed): the element
 * whose name was typed. No VS Code API here, so that it is tested in plain mocha.
 */
/** The item a typed filter means: the element of that name, else the first whose name starts with it, else the first that contains it. */
export function typedElement<T extends { name?: string }>(items: readonly T[], typed: string): T[] {
    const text = typed.trim().toLowerCase();
    if (text === '') return [];
    const named = items.filter(i => i.name !== undefined);
    const found = named.find(i => i.name!.toLowerCase() === text)
        ?? named.find(i => i.name!.toLowerCase().startsWith(text))
        ?? named.find(i => i.name!.toLowerCase().includes(text));
    return found ? [found] : [];
}
