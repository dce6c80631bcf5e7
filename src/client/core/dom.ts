/**
 * Building DOM from elements and text nodes, never from HTML strings: every text reaches the page
 * through `textContent` or a text node, so names, addresses and messages cannot inject markup.
 */

/** A child: an element, or a string that becomes a text node; `null`/`undefined`/`false` are skipped. */
export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  id?: string;
  title?: string;
  hidden?: boolean;
  /** Other attributes, set with `setAttribute` (values are never parsed as HTML). */
  attrs?: Readonly<Record<string, string>>;
  /** `data-*` attributes by their dataset name (`{ k: '0301' }` → `data-k="0301"`). */
  data?: Readonly<Record<string, string>>;
  /** Inline style properties by CSS name (`{ width: '20%' }`), set through the CSSOM. */
  style?: Readonly<Record<string, string>>;
}

/** A new element with properties and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.className) el.className = props.className;
    if (props.id) el.id = props.id;
    if (props.title !== undefined) el.title = props.title;
    if (props.hidden !== undefined) el.hidden = props.hidden;
    for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
    for (const [name, value] of Object.entries(props.data ?? {})) el.dataset[name] = value;
    for (const [name, value] of Object.entries(props.style ?? {})) el.style.setProperty(name, value);
  }
  append(el, ...children);
  return el;
}

/** Appends children (strings as text nodes) to `parent`. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
}

/** Replaces all children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** `items` joined by `separator` (a string or a fresh node per gap), for inline lists of links and buttons. */
export function joined(items: readonly Child[], separator: string): Child[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/**
 * The element with `id`, checked to be of `type`.
 * @throws Error naming the id when it is missing or of another type (a template and script out of step)
 */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} must be a ${type.name} on this page`);
  return el;
}

/** The element with `id` when present (e.g. controls only some roles get), checked to be of `type`. */
export function optionalById<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T | null {
  const el = document.getElementById(id);
  return el instanceof type ? el : null;
}

/** The closest ancestor-or-self of an event target matching `selector`, as an HTMLElement. */
export function closestFrom(target: EventTarget | null, selector: string): HTMLElement | null {
  return target instanceof Element ? (target.closest(selector) as HTMLElement | null) : null;
}
