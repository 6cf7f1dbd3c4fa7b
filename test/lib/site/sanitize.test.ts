/**
 * Contributed Markdown goes through the processor configured in astro.config.mjs
 * (raw HTML refused and shown as text, then rehype-sanitize with GitHub's
 * schema). Hostile payloads are rendered by that same processor and the
 * output is parsed as HTML and inspected: element names, attributes, URL schemes.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import config from '../../../astro.config.mjs';

type Render = (markdown: string) => Promise<string>;
let render: Render;

beforeAll(async () => {
  const markdown = config.markdown;
  if (!markdown?.processor) throw new Error('astro.config.mjs sets no markdown.processor');
  // astro.config.mjs turns syntax highlighting off: highlighted code would carry inline styles the CSP refuses.
  if (markdown.syntaxHighlight !== false) throw new Error('expected markdown.syntaxHighlight: false');
  const renderer = await markdown.processor.createRenderer({ syntaxHighlight: false });
  render = async (source) => (await renderer.render(source)).code;
});

const PAYLOADS: Record<string, string> = {
  'script tag': '<script>alert(1)</script>',
  'script in a paragraph': '正文<script src="https://evil.example/x.js"></script>正文',
  'img onerror': '<img src=x onerror=alert(1)>',
  'event handlers on allowed tags': '<p onclick="alert(1)" onmouseover=alert(1)>点</p><details open ontoggle=alert(1)><summary>x</summary></details>',
  'javascript: link in HTML': '<a href="javascript:alert(1)">x</a>',
  'javascript: link in Markdown': '[x](javascript:alert(1))',
  'mixed-case scheme': '[x](JaVaScRiPt:alert(1))',
  'entity-encoded scheme': '<a href="&#106;avascript:alert(1)">x</a><a href="&#x6A;&#x61;vascript:alert(1)">y</a>',
  'tab and newline inside the scheme': '<a href="java&#x09;script:alert(1)">x</a><a href="jav&#x0A;ascript:alert(1)">y</a>',
  'leading spaces before the scheme': '<a href="   javascript:alert(1)">x</a>',
  'vbscript: link': '<a href="vbscript:msgbox(1)">x</a>',
  'data: link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'data: image': '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">![y](data:image/png;base64,AAAA)',
  'javascript: image in Markdown': '![x](javascript:alert(1))',
  'autolink with javascript:': '<javascript:alert(1)>',
  'iframe': '<iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe>',
  'object and embed': '<object data="evil.swf"></object><embed src="evil.swf">',
  'svg with script and onload': '<svg onload=alert(1)><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>',
  'math namespace confusion': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  'noscript attribute breakout': '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  'comment confusion': '<!--><img src=x onerror=alert(1)>-->',
  'style element and attribute': '<style>body{display:none}</style><div style="background:url(javascript:alert(1))">x</div>',
  'textarea and template': '<textarea><img src=x onerror=alert(1)></textarea><template><script>alert(1)</script></template>',
  'form controls': '<input type="text" value="x"><form action="javascript:alert(1)"><input autofocus onfocus=alert(1)><button formaction="javascript:alert(1)">x</button></form>',
  'base, meta and link': '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel="stylesheet" href="https://evil.example/x.css">',
  'unclosed tag swallowing the rest': '<a href="javascript:alert(1)" title="x\n\n正文',
};

const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'template', 'noscript', 'base', 'meta', 'link', 'frame', 'frameset']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formAction', 'poster', 'background', 'data', 'xLinkHref', 'srcSet', 'longDesc']);
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function elements(node: Nodes): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? node.children.flatMap((c) => elements(c as Nodes)) : [];
  const content = node.type === 'element' && node.tagName === 'template' && node.content ? elements(node.content) : [];
  return [...own, ...children, ...content];
}

/** Everything dangerous found in the parsed output, as readable strings (empty when clean). */
function problems(html: string): string[] {
  const found: string[] = [];
  for (const el of elements(fromHtml(html, { fragment: true }))) {
    // GitHub's schema keeps task-list checkboxes: <input type="checkbox" disabled>, nothing else.
    const taskBox = el.tagName === 'input' && el.properties['type'] === 'checkbox' && el.properties['disabled'] === true;
    if (FORBIDDEN_ELEMENTS.has(el.tagName) && !taskBox) found.push(`<${el.tagName}>`);
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) found.push(`${el.tagName}[${name}]`);
      if (name === 'style' || name === 'srcDoc') found.push(`${el.tagName}[${name}]`);
      if (URL_ATTRIBUTES.has(name)) {
        const url = new URL(String(value), 'https://casebook.example/page/');
        const relative = url.origin === 'https://casebook.example';
        if (!relative && !SAFE_SCHEMES.has(url.protocol)) found.push(`${el.tagName}[${name}=${String(value)}]`);
      }
    }
  }
  return found;
}

describe('markdown processor for contributed content', () => {
  test.each(Object.entries(PAYLOADS))('neutralises %s', async (_name, payload) => {
    const html = await render(`# 标题\n\n${payload}\n\n后文`);
    expect(problems(html)).toEqual([]);
    // The surrounding content still renders.
    expect(html).toContain('后文');
  });

  test('the inspector itself catches each kind of problem', () => {
    expect(problems('<script>x</script><p onclick="x">a</p><a href="javascript:x">b</a><img src="data:image/png;base64,AA"><div style="x">c</div>')).toEqual([
      '<script>',
      'p[onClick]',
      'a[href=javascript:x]',
      'img[src=data:image/png;base64,AA]',
      'div[style]',
    ]);
  });

  test('keeps ordinary Markdown', async () => {
    const html = await render('## 做法\n\n- 第一条\n- 第二条\n\n> 引用\n\n| 指标 | 数值 |\n| --- | --- |\n| 工作室 | 23 |\n\n[原文](https://example.org/a) **加粗** ~~删除~~ https://example.org/b');
    const names = elements(fromHtml(html, { fragment: true })).map((e) => e.tagName);
    expect(names).toEqual(expect.arrayContaining(['h2', 'ul', 'li', 'blockquote', 'table', 'a', 'strong', 'del']));
    expect(html).toContain('href="https://example.org/a"');
    expect(html).toContain('href="https://example.org/b"');
  });

  test('shows raw HTML as text instead of parsing it, even harmless tags', async () => {
    const html = await render('按 <kbd>Ctrl</kbd> 键。\n\n<details><summary>更多</summary>内容</details>\n\n后文');
    const names = elements(fromHtml(html, { fragment: true })).map((e) => e.tagName);
    expect(names).not.toContain('kbd');
    expect(names).not.toContain('details');
    const text = fromHtml(html, { fragment: true });
    const plain = JSON.stringify(text);
    expect(plain).toContain('<kbd>Ctrl</kbd>');
    expect(plain).toContain('<details><summary>更多</summary>内容</details>');
  });
});
