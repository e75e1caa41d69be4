/**
 * @module jsx-runtime: a small JSX runtime that renders straight to an escaped HTML string,
 * for server-rendered pages only (no hooks, no streaming, no client). It renders what
 * hono/jsx renders for the markup our views use, at a fraction of its size in the bundle.
 *
 * Rules (as hono/jsx): text and attribute values are escaped (& < > ' "); `null`, `undefined`
 * and booleans render nothing as children; boolean HTML attributes render as `name=""` when
 * true and not at all when false; other `true` values render as `name="true"`; void elements
 * (meta, input, …) close with "/>"; function components are called with their props.
 */

import type { HtmlEscapedString } from "hono/utils/html";
import { escapeToBuffer, raw } from "hono/utils/html";

type Props = Record<string, unknown> & { children?: unknown };

/** What a component may take as children: text, numbers, rendered elements, nothing, or lists of them. */
export type Child = string | number | boolean | null | undefined | HtmlEscapedString | Child[];
type Component = (props: never) => unknown;

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const BOOLEAN = new Set([
  "async",
  "autofocus",
  "checked",
  "defer",
  "disabled",
  "download",
  "hidden",
  "inert",
  "multiple",
  "novalidate",
  "open",
  "readonly",
  "required",
  "reversed",
  "selected",
]);
const RENAMED: Record<string, string> = { className: "class", htmlFor: "for" };

function escapeHtml(text: string): string {
  const buffer: [string] = [""];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

function isEscaped(value: unknown): value is HtmlEscapedString {
  return value instanceof String && (value as HtmlEscapedString).isEscaped === true;
}

/** Children as HTML: strings escaped, rendered elements as they are, arrays flattened. */
function childrenHtml(children: unknown): string {
  if (children === null || children === undefined || typeof children === "boolean") return "";
  if (typeof children === "string") return escapeHtml(children);
  if (typeof children === "number") return String(children);
  if (isEscaped(children)) return children.toString();
  if (Array.isArray(children)) return children.map(childrenHtml).join("");
  return escapeHtml(String(children));
}

function attributesHtml(props: Props): string {
  let html = "";
  for (const [key, value] of Object.entries(props)) {
    if (key === "children" || key === "key" || value === null || value === undefined) continue;
    const name = RENAMED[key] ?? key;
    if (typeof value === "boolean" && BOOLEAN.has(name)) {
      if (value) html += ` ${name}=""`;
      continue;
    }
    html += ` ${name}="${typeof value === "number" || isEscaped(value) ? String(value) : escapeHtml(String(value))}"`;
  }
  return html;
}

/** Renders one element or component (the automatic runtime's entry point). */
export function jsx(tag: string | Component, props: Props): HtmlEscapedString {
  if (typeof tag === "function") return raw(childrenHtml((tag as (p: Props) => unknown)(props)));
  const children = childrenHtml(props.children);
  const open = `<${tag}${attributesHtml(props)}`;
  return raw(VOID.has(tag) && children === "" ? `${open}/>` : `${open}>${children}</${tag}>`);
}

export const jsxs = jsx;

/** `<>…</>`: its children, side by side. */
export function Fragment(props: { children?: unknown }): HtmlEscapedString {
  return raw(childrenHtml(props.children));
}

export declare namespace JSX {
  type Element = HtmlEscapedString;
  interface ElementChildrenAttribute {
    children: unknown;
  }
  interface IntrinsicElements {
    [tag: string]: Record<string, unknown>;
  }
}
