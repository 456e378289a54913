/**
 * Rich descriptions are HTML, cleaned on write to a safe subset: the markup is rebuilt from an
 * allow-list, never passed through. Allowed: p br h2 h3 h4 strong b em i u s blockquote ul ol li
 * span, a[href] (http, https, mailto; opens with rel="noopener noreferrer nofollow"), img[src, alt]
 * (https or our own /api/shop/… image URLs). Every attribute not listed (style, on*, class…) is
 * dropped; script, style, iframe and similar elements are removed with their content; all text is
 * escaped; unclosed tags are closed.
 */
const ALLOWED = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'blockquote',
  'ul',
  'ol',
  'li',
  'span',
  'a',
  'img',
]);
const VOID = new Set(['br', 'img']);
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'textarea',
  'select',
  'svg',
  'math',
  'title',
  'head',
]);

const escapeText = (s: string) =>
  s
    .replace(/&(?![a-zA-Z]{2,8};|#\d{1,6};|#x[0-9a-fA-F]{1,6};)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function safeUrl(raw: string, kind: 'href' | 'src'): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters hide schemes
  const url = decode(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (kind === 'src')
    return /^(https:\/\/|\/api\/shop\/t\/[a-z0-9-]+\/catalog\/images\/img_[0-9a-z]+$)/i.test(url) ? url : null;
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function openTag(name: string, attrs: string): string {
  const found: Record<string, string> = {};
  for (const m of attrs.matchAll(ATTR)) found[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  if (name === 'a') {
    const href = found.href ? safeUrl(found.href, 'href') : null;
    return href ? `<a href="${escapeAttr(href)}" rel="noopener noreferrer nofollow" target="_blank">` : '<a>';
  }
  if (name === 'img') {
    const src = found.src ? safeUrl(found.src, 'src') : null;
    if (!src) return '';
    return `<img src="${escapeAttr(src)}" alt="${escapeAttr(decode(found.alt ?? ''))}">`;
  }
  return `<${name}>`;
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^>]*?)?)\s*\/?>|<|[^<]+/g;

export function sanitizeHtml(input: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping: string | null = null;
  for (const m of input.matchAll(TOKEN)) {
    const token = m[0];
    const name = m[1]?.toLowerCase();
    const closing = token.startsWith('</');
    if (dropping) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (token.startsWith('<!--')) continue;
    if (!name) {
      out.push(escapeText(token));
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !token.endsWith('/>')) dropping = name;
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    const tag = openTag(name, m[2] ?? '');
    if (!tag) continue;
    out.push(tag);
    if (!VOID.has(name)) open.push(name);
  }
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('').trim();
}
