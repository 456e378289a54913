import { createElement, type ReactNode, useMemo } from 'react';

/**
 * A product description (the contract: sanitized HTML) turned into React elements through an
 * allow-list, never through innerHTML: the server sanitizes, and this is the second fence. The HTML is
 * parsed by DOMParser into an inert document (no scripts run, no images load), then only the tags and
 * attributes below become elements; anything else is dropped or, for harmless wrappers, unwrapped.
 */
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'hr',
  'div',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'sub',
  'sup',
  'small',
  'mark',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'img',
  'a',
]);
/** Dropped with everything inside them. */
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta',
  'base',
  'head',
  'title',
  'audio',
  'video',
]);
const VOID_TAGS = new Set(['br', 'hr', 'img']);
/** Whitespace between their children is not text (React warns about it inside tables). */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** http(s), or a path on this site (e.g. the shop's image route); nothing else (javascript:, data:). */
export function safeUrl(url: string | null, kind: 'link' | 'image'): string | null {
  if (!url) return null;
  const u = url.trim();
  if (/^\/(?![/\\])/.test(u)) return u; // not //host nor /\host (browsers read both as another host)
  if (/^https?:\/\//i.test(u)) return u;
  if (kind === 'link' && /^mailto:/i.test(u)) return u;
  return null;
}

function attributesOf(el: Element, tag: string): Record<string, string> | null {
  const props: Record<string, string> = {};
  if (tag === 'img') {
    const src = safeUrl(el.getAttribute('src'), 'image');
    if (!src) return null; // an image without a safe source is dropped
    props.src = src;
    props.alt = el.getAttribute('alt') ?? '';
    props.loading = 'lazy';
  } else if (tag === 'a') {
    const href = safeUrl(el.getAttribute('href'), 'link');
    if (href) {
      props.href = href;
      props.target = '_blank';
      props.rel = 'noopener noreferrer nofollow';
    }
  } else if (tag === 'td' || tag === 'th') {
    for (const name of ['colspan', 'rowspan'] as const) {
      const v = el.getAttribute(name);
      if (v && /^\d{1,2}$/.test(v)) props[name === 'colspan' ? 'colSpan' : 'rowSpan'] = v;
    }
  }
  return props;
}

function convert(node: Node, key: string, depth: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE || depth > 40) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DROPPED_TAGS.has(tag)) return null;
  const children = () =>
    Array.from(el.childNodes, (c, i) =>
      TABLE_PARTS.has(tag) && c.nodeType === Node.TEXT_NODE && !c.textContent?.trim()
        ? null
        : convert(c, `${key}.${i}`, depth + 1),
    );
  if (!ALLOWED_TAGS.has(tag)) return createElement('span', { key }, ...children());
  const props = attributesOf(el, tag);
  if (props === null) return null;
  return VOID_TAGS.has(tag)
    ? createElement(tag, { key, ...props })
    : createElement(tag, { key, ...props }, ...children());
}

/** The description as React elements (for tests and the component below). */
export function htmlToReact(html: string): ReactNode[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.body.childNodes, (n, i) => convert(n, String(i), 0));
}

export function RichText({ html, className }: { html: string; className?: string }) {
  const nodes = useMemo(() => htmlToReact(html), [html]);
  return (
    <div className={`rich-text ${className ?? ''}`} data-testid="rich-text">
      {nodes}
    </div>
  );
}
