/** A year's digest files: the committed file each is served from, the name people download it as, and what it is for. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileSize } from './downloads.ts';

export interface DigestDownload {
  /** File name in the URL and on the reader's disk: 2023年度创新案例汇编.docx. */
  name: string;
  /** Path of the committed file, from the repository root. */
  source: string;
  contentType: string;
  /** What it is, for the link's description. */
  kind: string;
  forEditors: boolean;
}

export function digestDownloads(year: string): DigestDownload[] {
  return [
    {
      name: `${year}年度创新案例汇编.docx`,
      source: `content/digests/digest-${year}.docx`,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      kind: 'Word 文件，可修改、打印、转发',
      forEditors: false,
    },
    { name: `${year}年度创新案例汇编.md`, source: `content/digests/${year}.md`, contentType: 'text/markdown; charset=utf-8', kind: 'Markdown 文本，供编辑使用', forEditors: true },
  ];
}

/** The file's size as people read it (23 KB). */
export function downloadSize(file: DigestDownload, root = process.cwd()): string {
  return fileSize(statSync(join(root, file.source)).size);
}
