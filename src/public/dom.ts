/** Attributes of {@link el}: plain attributes, `text` for textContent, `on` for listeners. */
export interface ElProps {
  [attr: string]: string | number | boolean | undefined | ((e: Event) => void) | Record<string, (e: Event) => void>;
}

type Child = Node | string | null | undefined | false;

/**
 * Create an element. Every string goes in as a text node (textContent), never as HTML:
 * names and addresses from the data cannot inject markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v as Record<string, (e: Event) => void>)) e.addEventListener(ev, fn);
    else if (k === 'class') e.className = String(v);
    else if (typeof v === 'function') continue;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

/** Replace an element's children. */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
