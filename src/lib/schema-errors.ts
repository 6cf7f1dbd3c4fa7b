/** Turns zod issues into one Chinese diagnostic per problem, located in the frontmatter. */
import type * as z from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

/** Chinese names of frontmatter fields, as contributors see them in the guide. */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  speaker: '发言人',
  name: '姓名',
  role: '职务',
  organization: '单位',
  region: '行政区划代码',
  date: '日期',
  source: '出处',
  publisher: '发布单位',
  published: '发布日期',
  url: '网址',
  photoCredit: '图片作者',
  editor: '编辑',
  file: '来源文件',
  themes: '主题',
  summary: '摘要',
  year: '年份',
  sources: '出处',
  metrics: '数据',
  label: '指标',
  value: '数值',
  unit: '单位',
  adaptedFrom: '借鉴自',
  adoptedBy: '推广至',
  issuers: '制发单位',
  issued: '印发日期',
  documentNumber: '文号',
  status: '状态',
  basis: '依据',
  mentionedIn: '提及',
};

export function fieldName(path: readonly PropertyKey[]): string {
  const parts = path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : `${FIELD_LABELS[String(p)] ?? String(p)}（${String(p)}）`));
  return parts.join(' › ') || '文件头';
}

function describe(issue: z.core.$ZodIssue): { rule: string; message: string; fix?: string } {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        rule: 'schema/unknown-field',
        message: `${field}中有未知字段：${issue.keys.join('、')}`,
        fix: '删除该字段，或检查拼写（字段名区分大小写，不能有全角空格）',
      };
    case 'invalid_type':
      if (issue.input === undefined) return { rule: 'schema/missing-field', message: `缺少必填字段 ${field}`, fix: '补上该字段' };
      return { rule: 'schema/invalid-type', message: `${field} 的格式不对：${issue.message}`, fix: issue.expected === 'array' ? '写成以“- ”开头的列表' : '按填写指南修改' };
    default:
      return { rule: 'schema/invalid-value', message: `${field}：${issue.message}`, fix: '按填写指南修改' };
  }
}

/** One diagnostic per zod issue; `locate` maps an issue path to its line in the file. */
export function schemaDiagnostics(
  error: z.ZodError,
  file: string,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
): Diagnostic[] {
  return error.issues.map((issue) => {
    const { rule, message, fix } = describe(issue);
    const at =
      issue.code === 'unrecognized_keys' ? locate([...issue.path, issue.keys[0] ?? '']) : locate(issue.path);
    return diagnostic(file, rule, message, fix ? { ...at, fix } : at);
  });
}
