/** Line-by-line checks of a file's text: scraping damage, personal data, secrecy markings. */
import { findTextProblems, hasTextProblems } from '../chinese-text.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

const DAMAGE_MESSAGE = {
  'pinyin-reading': { rule: 'text/pinyin-reading', what: '字后粘有拼音注音' },
  traditional: { rule: 'text/traditional', what: '有繁体字' },
  'ascii-punctuation': { rule: 'text/ascii-punctuation', what: '中文之间用了半角标点' },
} as const;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-digit resident ID number whose check digit is right (GB 11643). */
export function isResidentIdNumber(candidate: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(candidate)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(candidate[i]), 0);
  return ID_CHECK[sum % 11] === candidate[17]?.toUpperCase();
}

const SECRECY = /内部资料|绝密|机密|秘密/gu;

export function textChecks(file: string, text: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const damaged = hasTextProblems(text);
  const digits = /\d{11}/.test(text);
  const secret = SECRECY.test(text);
  SECRECY.lastIndex = 0;
  if (!damaged && !digits && !secret) return problems;
  text.split('\n').forEach((line, i) => {
    const at = (column: number) => ({ line: i + 1, column });
    for (const problem of damaged ? findTextProblems(line) : []) {
      const { rule, what } = DAMAGE_MESSAGE[problem.kind];
      problems.push(
        diagnostic(file, rule, `${what}：“${problem.found}”`, {
          ...at(problem.column),
          severity: 'warning',
          fix: `改为：${problem.suggestion.trim().slice(0, 120)}（可运行 npm run fix -- ${file} 自动修改）`,
        }),
      );
    }
    for (const m of line.matchAll(/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g)) {
      if (isResidentIdNumber(m[0])) {
        problems.push(diagnostic(file, 'privacy/id-number', '含有居民身份证号码', { ...at((m.index ?? 0) + 1), fix: '删除身份证号码，案例库不收录个人信息' }));
      }
    }
    for (const m of line.matchAll(/(?<![\d+])1[3-9]\d{9}(?!\d)/g)) {
      problems.push(diagnostic(file, 'privacy/mobile-number', `含有手机号码 ${m[0].slice(0, 3)}****${m[0].slice(-4)}`, { ...at((m.index ?? 0) + 1), fix: '删除手机号码；如需联系方式，请写单位办公电话' }));
    }
    for (const m of line.matchAll(SECRECY)) {
      problems.push(
        diagnostic(file, 'secrecy/marking', `含有“${m[0]}”字样`, {
          ...at((m.index ?? 0) + 1),
          fix: '涉密或内部资料不能公开投稿；如确属公开信息，请删去该标注并确认已可公开',
        }),
      );
    }
  });
  return problems;
}
