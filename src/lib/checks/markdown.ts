/** The Markdown body may hold text, headings, lists, tables and ordinary links — no HTML, no script URLs. */
import type { Nodes, Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scheme a browser would see, after removing what browsers ignore (controls, whitespace). */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

/**
 * Raw HTML needs a `<` and every kind of link a `[` or `<` (GFM's bare-URL
 * autolinks only take http, https, www and e-mail): without them a body is
 * plain prose and need not be parsed.
 */
export function isPlainProse(body: string): boolean {
  return !/[<[`&\\]/.test(body);
}

/** Parses a body into mdast: the validator loads the parser lazily, the browser bundles it. */
export type MarkdownParser = (body: string) => Root;

/** The parsed body, or undefined for plain prose. */
export function parseBody(body: string, parse: MarkdownParser): Root | undefined {
  return isPlainProse(body) ? undefined : parse(body);
}

export function markdownChecks(file: string, tree: Root | undefined, bodyLine: number): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (!tree) return problems;
  const at = (node: Nodes) => ({ line: (node.position?.start.line ?? 1) + bodyLine - 1, column: node.position?.start.column ?? 1 });
  walk(tree, (node) => {
    if (node.type === 'html') {
      const script = /<\s*script/i.test(node.value);
      problems.push(
        diagnostic(file, script ? 'content/script' : 'content/raw-html', script ? '正文中嵌入了脚本' : `正文中有 HTML 代码：${node.value.slice(0, 40)}`, {
          ...at(node),
          fix: script ? '删除 <script> 代码' : '改用 Markdown 写法：标题用 ##，加粗用 **文字**，链接用 [文字](https://…)',
        }),
      );
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = urlScheme(node.url);
      if (scheme && !SAFE_SCHEMES.has(scheme)) {
        problems.push(
          diagnostic(file, 'content/dangerous-link', `链接使用了不安全的“${scheme}:”地址`, { ...at(node), fix: '链接只能以 https:// 或 http:// 开头' }),
        );
      }
    }
  });
  return problems;
}

/** The text a reader sees, node by node with its position (HTML, URLs and code left out). */
export function proseOf(body: string, tree: Root | undefined): { text: string; line: number; column: number }[] {
  if (!tree) return body.split('\n').map((text, i) => ({ text, line: i + 1, column: 1 }));
  const found: { text: string; line: number; column: number }[] = [];
  walk(tree, (node) => {
    if (node.type === 'text') found.push({ text: node.value, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return found;
}
