/**
 * Marks that text was damaged on its way here: a lossy decoder's U+FFFD, the classic
 * mojibake of GBK and UTF-8 converted into each other, UTF-8 read as a Western code page,
 * and the □ the importer leaves for characters it could not recover.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

interface Marker {
  pattern: RegExp;
  what: string;
  severity: Diagnostic['severity'];
}

const MARKERS: Marker[] = [
  { pattern: /\uFFFD+/gu, what: '替换字符 U+FFFD（�），原文在转换编码时已经丢失', severity: 'error' },
  { pattern: /(?:锟斤拷)+|烫{3,}|屯{3,}/gu, what: 'GBK 与 UTF-8 互相转换出错留下的乱码', severity: 'error' },
  // UTF-8 read as Latin-1 / Windows-1252: 委员 becomes å§”å‘˜.
  { pattern: /(?:[ÂÃäåæçèé][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]{1,2}){2,}/gu, what: '把 UTF-8 当作西文编码读取留下的乱码', severity: 'error' },
  { pattern: /□+/gu, what: '用 □ 标出的无法还原的字', severity: 'warning' },
];

export function damageChecks(file: string, text: string): Diagnostic[] {
  if (!/[\uFFFD锟烫屯ÂÃäåæçèé□]/u.test(text)) return [];
  const problems: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { pattern, what, severity } of MARKERS) {
      for (const m of line.matchAll(pattern)) {
        problems.push(
          diagnostic(file, 'text/damaged', `有乱码“${m[0].slice(0, 20)}”：${what}`, {
            line: i + 1,
            column: (m.index ?? 0) + 1,
            severity,
            fix: '对照原始出处改正这几个字；转换编码时不要选“忽略错误”或“替换无效字符”',
          }),
        );
      }
    }
  });
  return problems;
}
