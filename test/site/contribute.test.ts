/**
 * The /contribute/ form as a committee staffer uses it on a phone: plain Chinese,
 * errors only after leaving a field or submitting, a Word file to e-mail (no
 * account needed), and the same verdict as the validator.
 */
import { mkdtempSync, readFileSync, cpSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseDraft, type CaseFields } from '../../src/lib/case-draft.ts';
import { parseCaseDocument } from '../../src/lib/case-document.ts';
import { parseCollectionEntry } from '../../src/lib/library.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { listContentFiles, loadContext } from '../../scripts/lib/validate/load.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';
import { axeViolations, launchBrowser, siteUrl } from './browser.ts';

const themes = readThemes();
let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 800 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The GitHub route opens github.com in a new tab; the tests never reach it.
  await context.route('https://github.com/**', (route) => route.abort());
  page = await context.newPage();
}, 60_000);
afterAll(() => browser?.close());

interface Draft {
  title: string;
  region: string;
  organization: string;
  year: string;
  themes: string[];
  summary: string;
  background: string;
  practice: string;
  results: string;
  sources: string;
  slug?: string;
}

const GOOD: Draft = {
  title: '洋县政协院坝协商',
  region: '洋县',
  organization: '洋县政协',
  year: '2024',
  themes: ['grassroots-consultation'],
  summary: '在村组院坝开展协商，群众议事有了固定场所。',
  background: '群众议事缺少平台。',
  practice: '一是设立院坝协商点。\n二是每月开展一次协商。',
  results: '健全了基层协商工作格局。',
  sources: '《陕西政协》2024年第3期',
};

/** The page with its checks loaded (they arrive after the region picker: contribute-page.ts). */
async function open(): Promise<void> {
  await page.goto(siteUrl('contribute/'));
  await page.waitForSelector('#case-form[data-ready="true"]', { state: 'attached' });
}

const submit = () => page.click('#case-form button[type="submit"]');

async function fillCase(draft: Draft): Promise<void> {
  await page.fill('#f-title', draft.title);
  await page.fill('#f-region-name', draft.region);
  await page.press('#f-region-name', 'Enter');
  for (const [field, value] of [['organization', draft.organization], ['year', draft.year], ['summary', draft.summary], ['background', draft.background], ['practice', draft.practice], ['results', draft.results], ['sources', draft.sources]] as const) {
    await page.fill(`#f-${field}`, value);
  }
  for (const theme of draft.themes) await page.check(`input[name="themes"][value="${theme}"]`);
  if (draft.slug) {
    await page.click('details.advanced summary');
    await page.fill('#f-slug', draft.slug);
  }
}

/** Submit and wait for the verdict line. */
async function verdict(): Promise<string> {
  await submit();
  await expect.poll(() => page.textContent('#case-status'), { timeout: 15_000 }).toMatch(/检查通过|处需要修改/);
  return (await page.textContent('#case-status')) ?? '';
}

/** The fields as the page holds them after its own tidying, for building the same file in Node. */
async function pageFields(): Promise<{ fields: CaseFields; slug: string }> {
  const value = (field: string) => page.inputValue(`#f-${field}`);
  return {
    slug: await value('slug'),
    fields: {
      title: await value('title'),
      region: await page.inputValue('#f-region'),
      organization: await value('organization'),
      year: await value('year'),
      themes: await page.locator('input[name="themes"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
      summary: await value('summary'),
      background: await value('background'),
      practice: await value('practice'),
      results: await value('results'),
      lessons: await value('lessons'),
      sources: (await value('sources')).split('\n'),
    },
  };
}

describe('errors', () => {
  test('none on arrival; a field that is left shows its own; submitting lists every problem in a summary that links to its field', async () => {
    await open();
    expect(await page.locator('.problem:not(:empty)').count()).toBe(0);
    expect(await page.isVisible('#error-summary')).toBe(false);
    await page.focus('#f-title');
    await page.focus('#f-organization');
    expect(await page.textContent('#e-title')).toBe('请填写案例名称');
    expect(await page.textContent('#e-organization')).toBe('');
    await submit();
    await expect.poll(() => page.isVisible('#error-summary')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const links = await page.locator('#error-list a').evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', target: (a as HTMLAnchorElement).hash })));
    expect(links.map((l) => l.text)).toEqual(['请填写案例名称', '请填写所在地区', '请填写单位', '请填写年份', '请填写主题', '请填写摘要', '请填写背景', '请填写做法', '请填写成效', '请填写出处']);
    for (const { target } of links) expect(await page.locator(target).count(), target).toBe(1);
    const words = await page.locator('#error-summary, .problem').allTextContents();
    expect(words.join('').match(/[A-Za-z]{3,}/g)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  /** A page whose checks (the chunk it imports after starting the region picker) are held until `release`. */
  async function slowPage(): Promise<{ slow: Page; release: () => void }> {
    const slow = await context.newPage();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await slow.route('**/_astro/contribute-form.*.js', async (route) => {
      await released;
      await route.continue();
    });
    await slow.goto(siteUrl('contribute/'));
    return { slow, release };
  }

  test('on a slow connection the region picker works before the checks arrive, and the fields left meanwhile are checked when they do', async () => {
    const { slow, release } = await slowPage();
    try {
      const script = await slow.locator('script[type="module"][src]').getAttribute('src');
      const bytes = (await (await slow.request.get(new URL(script ?? '', slow.url()).href)).body()).length;
      expect(bytes, 'the script the page starts with').toBeLessThan(200 * 1024);
      await slow.fill('#f-region-name', '洋县');
      await slow.press('#f-region-name', 'Enter');
      expect(await slow.textContent('#region-chosen')).toBe('已选：陕西省汉中市洋县');
      expect(await slow.getAttribute('#case-form', 'data-ready')).toBeNull();
      await slow.fill('#f-title', '洋縣政協院壩協商');
      await slow.focus('#f-organization');
      await slow.focus('#f-summary');
      release();
      await slow.waitForSelector('#case-form[data-ready="true"]', { state: 'attached' });
      expect(await slow.inputValue('#f-title')).toBe('洋县政协院坝协商');
      expect(await slow.textContent('#e-organization')).toBe('请填写单位');
      expect(await slow.textContent('#e-summary')).toBe('');
      expect(await slow.isVisible('#error-summary')).toBe(false);
      expect(await slow.inputValue('#f-slug')).toBe('yangxian-yuanbaxieshang');
    } finally {
      release();
      await slow.close();
    }
  });

  test('when the checks cannot be loaded, the page says so and a submit keeps what was typed', async () => {
    const broken = await context.newPage();
    try {
      await broken.route('**/_astro/contribute-form.*.js', (route) => route.abort());
      await broken.goto(siteUrl('contribute/'));
      await expect.poll(() => broken.textContent('#case-status')).toContain('检查程序没能载入');
      await broken.fill('#f-title', '洋县政协院坝协商');
      await broken.click('#case-form button[type="submit"]');
      expect(new URL(broken.url()).search).toBe('');
      expect(await broken.inputValue('#f-title')).toBe('洋县政协院坝协商');
      expect(await broken.textContent('#case-status')).toContain('请检查网络后刷新本页');
    } finally {
      await broken.close();
    }
  });

  test('a submit before the checks arrive waits for them instead of reloading the page', async () => {
    const { slow, release } = await slowPage();
    try {
      await slow.fill('#f-title', '洋县政协院坝协商');
      await slow.click('#case-form button[type="submit"]');
      expect(await slow.textContent('#case-status')).toBe('正在载入检查程序……');
      release();
      await expect.poll(() => slow.isVisible('#error-summary')).toBe(true);
      expect(new URL(slow.url()).search).toBe('');
      expect(await slow.inputValue('#f-title')).toBe('洋县政协院坝协商');
      expect(await slow.textContent('#e-organization')).toBe('请填写单位');
    } finally {
      release();
      await slow.close();
    }
  });

  test('marks every required field in its label', async () => {
    await open();
    for (const id of ['f-title', 'f-organization', 'f-year', 'f-summary', 'f-background', 'f-practice', 'f-results', 'f-sources']) {
      expect(await page.locator(`label[for="${id}"]`).textContent(), id).toContain('（必填）');
    }
    expect(await page.locator('#region-picker legend').textContent()).toContain('（必填）');
    expect(await page.locator('label[for="f-lessons"]').textContent()).not.toContain('必填');
  });
});

describe('fields people can fill in', () => {
  test('a typed county name picks 省, 市 and 县; a name two places share offers both', async () => {
    await open();
    await page.fill('#f-region-name', '洋县');
    await page.press('#f-region-name', 'Enter');
    expect(await page.textContent('#region-chosen')).toBe('已选：陕西省汉中市洋县');
    expect(await page.inputValue('#f-province')).toBe('610000');
    expect(await page.inputValue('#f-city')).toBe('610700');
    expect(await page.inputValue('#f-county')).toBe('610723');
    await page.fill('#f-region-name', '朝阳区');
    await page.press('#f-region-name', 'Enter');
    const choices = await page.locator('#region-matches button').allTextContents();
    expect(choices).toEqual(expect.arrayContaining(['北京市市辖区朝阳区', '吉林省长春市朝阳区']));
    await page.click('#region-matches button:has-text("吉林省长春市朝阳区")');
    expect(await page.textContent('#region-chosen')).toBe('已选：吉林省长春市朝阳区');
    await page.selectOption('#f-province', '610000');
    await page.selectOption('#f-city', '610100');
    expect(await page.inputValue('#f-region')).toBe('610100');
  });

  test('the file name comes from the pinyin of the place and title, editable only under 高级', async () => {
    await open();
    await page.fill('#f-title', '洋县政协院坝协商');
    await page.fill('#f-region-name', '洋县');
    await page.press('#f-region-name', 'Enter');
    expect(await page.inputValue('#f-slug')).toBe('yangxian-yuanbaxieshang');
    expect(await page.isVisible('#f-slug')).toBe(false);
    await page.click('details.advanced summary');
    expect(await page.isVisible('#f-slug')).toBe(true);
  });

  test('traditional characters and half-width punctuation are fixed when the field is left, with a note', async () => {
    await open();
    await page.fill('#f-summary', '在村組院壩開展協商,群众參與');
    await page.focus('#f-title');
    expect(await page.inputValue('#f-summary')).toBe('在村组院坝开展协商，群众参与');
    expect(await page.textContent('[data-note-for="summary"]')).toContain('已自动把繁体字改为简体字');
  });

  test('出处 takes a publication written out, and passes with it', async () => {
    await open();
    await fillCase(GOOD);
    expect(await verdict()).toBe('检查通过，可以下载或提交。');
    expect(await page.textContent('#case-preview')).toContain('- 《陕西政协》2024年第3期');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the same verdict as the validator', () => {
  const cases: [string, Partial<Draft>][] = [
    ['a complete case', {}],
    ['a region that does not match the 单位', { region: '西安市', organization: '洋县政协' }],
    ['an entry id that does not exist', { sources: 'reports/2023/nowhere' }],
    ['an entry id that exists', { sources: 'reports/2023/qindu' }],
    ['a file name another case uses', { slug: 'ankang-member-studios' }],
    ['HTML in the body', { practice: '设立<b>协商点</b>。' }],
    ['a script link in the body', { practice: '见[说明](javascript:alert(1))。' }],
    ['a mobile number', { practice: '联系电话 13912345678。' }],
    ['an internal-document marking', { background: '根据内部资料整理。' }],
    ['traditional characters, fixed by the page', { summary: '在村組院壩開展協商。' }],
  ];
  const root = process.cwd();
  const validatorContext = loadContext(root, listContentFiles(root));

  for (const [name, change] of cases) {
    test(name, async () => {
      await open();
      await fillCase({ ...GOOD, ...change });
      const onPage = (await verdict()).startsWith('检查通过');
      const { fields, slug } = await pageFields();
      const draft = caseDraft(fields, themes, slug);
      const errors = validateFile({ file: draft.path, bytes: new TextEncoder().encode(draft.content), isSymlink: false }, validatorContext).filter((d) => d.severity === 'error');
      expect({ passes: onPage }, errors.map((d) => `${d.rule} ${d.message}`).join('\n')).toEqual({ passes: errors.length === 0 });
      if (name === 'a complete case') expect(onPage).toBe(true);
      if (name.startsWith('a region') || name.startsWith('an entry id that does not') || name.startsWith('a file name')) expect(onPage).toBe(false);
    }, 30_000);
  }
});

describe('sending the case without an account', () => {
  test('form → Word file → npm run new -- cases --from → a valid entry with the same fields', async () => {
    await open();
    await fillCase(GOOD);
    expect(await verdict()).toBe('检查通过，可以下载或提交。');
    expect(await page.textContent('#case-result')).toContain('不需要账号');
    const mail = await page.getAttribute('#send-mail', 'href');
    expect(mail).toMatch(/^mailto:[^?]+@[^?]+\?subject=/);
    expect(decodeURIComponent(new URL(mail ?? '').searchParams.get('subject') ?? '')).toBe('案例投稿：洋县政协院坝协商');
    expect(await page.locator('#case-result .wechat-note').textContent()).toBe('微信内无法直接下载，请点右上角「…」选择在浏览器打开');

    const [word] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    expect(word.suggestedFilename()).toBe('案例投稿-洋县政协院坝协商.docx');
    const dir = mkdtempSync(join(tmpdir(), 'casebook-contribute-'));
    const docx = join(dir, word.suggestedFilename());
    await word.saveAs(docx);
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.click('#download-md')]);
    const mdFile = join(dir, 'draft.md');
    await markdown.saveAs(mdFile);

    // What the Word file says reads back into the fields the page holds.
    const back = parseCaseDocument((await mammoth.extractRawText({ path: docx })).value);
    const { fields, slug } = await pageFields();
    expect(back.slug).toBe(slug);
    const lines = (text: string | undefined) => (text ?? '').split(/\n+/).filter(Boolean);
    expect(back.fields).toMatchObject({ title: fields.title, region: fields.region, organization: fields.organization, year: fields.year, summary: fields.summary, sources: fields.sources });
    expect(back.fields.themes).toEqual(themes.filter((t) => fields.themes.includes(t.id)).map((t) => t.name));
    for (const key of ['background', 'practice', 'results', 'lessons'] as const) expect(lines(back.fields[key]), key).toEqual(lines(fields[key]));

    // The editor's import writes the same file as the page's Markdown download, and it validates.
    const repo = join(dir, 'repo');
    cpSync('content', join(repo, 'content'), { recursive: true });
    const run = spawnSync(process.execPath, [resolve('scripts/new-entry.ts'), 'cases', '--from', docx], { cwd: repo, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('没有发现问题');
    const written = readFileSync(join(repo, `content/cases/2024/${slug}.md`), 'utf8');
    expect(written).toBe(readFileSync(mdFile, 'utf8'));
    const entry = parseCollectionEntry('cases', `2024/${slug}`, 'x.md', written);
    if (Array.isArray(entry)) throw new Error(entry.map((d) => d.message).join('\n'));
    expect(entry.data).toMatchObject({ title: GOOD.title, region: '610723', organization: GOOD.organization, year: 2024, themes: GOOD.themes, sources: [GOOD.sources] });
  }, 60_000);
});

describe('the GitHub route', () => {
  test('says it needs an account, and a long case opens an empty new-file page with the text on the clipboard', async () => {
    await open();
    await fillCase({ ...GOOD, practice: '一是在村组院坝设立协商点，由委员和群众代表共同议事。'.repeat(120) });
    expect(await verdict()).toBe('检查通过，可以下载或提交。');
    expect(await page.textContent('#case-result')).toContain('需要 GitHub 账号');
    const href = (await page.getAttribute('#case-submit', 'href')) ?? '';
    expect(href.length).toBeLessThanOrEqual(6000);
    expect(new URL(href).searchParams.has('value')).toBe(false);
    expect(new URL(href).searchParams.get('filename')).toBe(`${await page.inputValue('#f-slug')}.md`);
    expect(await page.isVisible('#paste-note')).toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#case-submit')]);
    await popup.close();
    await expect.poll(() => page.textContent('#paste-done')).toContain('全文已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(`content/cases/2024/${await page.inputValue('#f-slug')}.md\n\n${copied}`).toBe(await page.textContent('#case-preview'));
  }, 30_000);

  test('a short case goes in the address, under the safe length', async () => {
    await open();
    await fillCase(GOOD);
    await verdict();
    const link = new URL((await page.getAttribute('#case-submit', 'href')) ?? '');
    expect(link.pathname).toMatch(/\/new\/main\/content\/cases\/2024$/);
    expect(link.searchParams.get('value')).toContain('## 做法');
    expect(await page.isVisible('#paste-note')).toBe(false);
  });
});
