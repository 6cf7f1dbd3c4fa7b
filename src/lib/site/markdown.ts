/**
 * The Markdown processor for contributed content. Raw HTML is refused: the
 * validator rejects it (content/raw-html), and should some reach the build it
 * is shown as text, never parsed, so no HTML parser runs over every body.
 * rehype-sanitize with GitHub's schema stays as the second line: it removes
 * javascript: and data: URLs and anything else Markdown alone can produce.
 * Smart punctuation is off: content is written with full-width punctuation
 * (GB/T 15834), and retext's pass over every text node was a quarter of the
 * Markdown time. astro.config.mjs and the sanitizer test use this same object.
 */
import { rehypeHeadingIds, unified as astroUnified, type MarkdownHeading, type MarkdownRenderer, type MarkdownRenderOptions } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import type { Html, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';

export const sanitizeSchema = defaultSchema;

/** Raw HTML in Markdown becomes a text node: escaped on output, visible to an editor, never an element. */
function rawHtmlAsText(_state: unknown, node: Html) {
  return { type: 'text' as const, value: node.value };
}

const remarkRehypeOptions = { allowDangerousHtml: false, handlers: { html: rawHtmlAsText } };

const processor = astroUnified({
  gfm: true,
  smartypants: false,
  remarkRehype: remarkRehypeOptions,
  rehypePlugins: [[rehypeSanitize, sanitizeSchema]],
});

/**
 * What rehype-raw's re-parse did to a tree without raw HTML: an attribute
 * written with no value (a footnote's `data-footnote-ref`) was read back as an
 * empty string, so it is printed as `data-footnote-ref=""`. Boolean HTML
 * attributes (a task list's `checked`) stay true either way.
 */
function emptyDataAttributes() {
  const walk = (node: Root | Element): void => {
    if (node.type === 'element') for (const [name, value] of Object.entries(node.properties)) if (value === true && /^data[A-Z]/.test(name)) node.properties[name] = '';
    for (const child of node.children) if (child.type === 'element') walk(child);
  };
  return walk;
}

/**
 * Astro's unified pipeline for this processor (createMarkdownProcessor in
 * @astrojs/markdown-remark) after parsing and without its last step,
 * rehype-raw: that step re-parses every rendered tree with a full HTML5
 * parser to turn raw HTML into elements, and this processor leaves no raw
 * HTML to turn (the html handler above makes it text). The steps kept, in
 * Astro's order: Markdown to HTML, the sanitizer, heading ids, HTML text.
 * Astro's image steps only act on a file's own images, so a render given a
 * file (which no entry's render is: the site passes text) goes through
 * Astro's own pipeline unchanged.
 */
function contentPipeline() {
  return unified()
    .use(remarkRehype, { passThrough: [], ...remarkRehypeOptions })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingIds)
    .use(emptyDataAttributes)
    .use(rehypeStringify);
}

/** A rendered entry body: the HTML and what Astro's renderers report with it. */
export interface RenderedBody {
  html: string;
  metadata: { headings: MarkdownHeading[]; localImagePaths: string[]; remoteImagePaths: string[]; imagePaths: string[]; frontmatter: Record<string, unknown> };
}

let pipeline: ReturnType<typeof contentPipeline> | undefined;

/**
 * The Markdown tree (mdast) of a body: CommonMark with GFM (tables,
 * strikethrough, task lists, footnotes, autolinks), no frontmatter block and
 * no smart punctuation. Parsed by Sätteri, the native parser Astro 7 ships
 * with, into the same mdast that remark-parse with remark-gfm gives (the
 * bundled content and 10,000 synthetic bodies render byte for byte alike; a
 * test checks the bundled content). It parses in well under half the time,
 * and what it gives still goes through every step above, the sanitizer
 * included: raw HTML in it is an `html` node, which becomes text.
 */
function markdownTree(value: string): MdastRoot {
  return markdownToMdast(value, { features: { gfm: true, frontmatter: false, smartPunctuation: false }, position: false }) as unknown as MdastRoot;
}

/** A Markdown tree through the content pipeline: the HTML and the headings it found. */
export async function renderMarkdownTree(tree: MdastRoot, value: string, frontmatter: Record<string, unknown> = {}): Promise<{ html: string; headings: MarkdownHeading[] }> {
  pipeline ??= contentPipeline().freeze();
  const file = new VFile({ value, data: { astro: { frontmatter } } });
  const html = pipeline.stringify(await pipeline.run(tree, file), file);
  const data = file.data['astro'] as { headings?: MarkdownHeading[] } | undefined;
  return { html: String(html), headings: data?.headings ?? [] };
}

/** Markdown through the content pipeline: the HTML and the headings it found. */
function processMarkdown(value: string, frontmatter: Record<string, unknown>): Promise<{ html: string; headings: MarkdownHeading[] }> {
  return renderMarkdownTree(markdownTree(value), value, frontmatter);
}

/**
 * A contributed entry's Markdown body as HTML, through the content pipeline
 * above. The body is rendered as it is: unlike Astro's renderMarkdown, it is
 * not searched again for a frontmatter block, so a body that opens with a
 * thematic break (---) keeps all its text. The site renders every
 * entry with this.
 */
export async function renderEntryBody(body: string): Promise<RenderedBody> {
  const { html, headings } = await processMarkdown(body, {});
  return { html, metadata: { headings, localImagePaths: [], remoteImagePaths: [], imagePaths: [], frontmatter: {} } };
}

/** A body as the site shows it; a body that cannot be rendered is reported with its file. */
export async function renderBody(body: string, file: string): Promise<RenderedBody> {
  try {
    return await renderEntryBody(body);
  } catch (error) {
    throw new Error(`${file}：正文无法转换为网页：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export const markdownProcessor: typeof processor = {
  ...processor,
  async createRenderer(shared) {
    const astro = await processor.createRenderer(shared);
    return {
      async render(content: string, options?: MarkdownRenderOptions): ReturnType<MarkdownRenderer['render']> {
        if (options?.fileURL || shared.syntaxHighlight) return astro.render(content, options);
        const frontmatter = options?.frontmatter ?? {};
        const { html, headings } = await processMarkdown(content, frontmatter);
        return { code: html, metadata: { headings, localImagePaths: [], remoteImagePaths: [], frontmatter } };
      },
    };
  },
};
