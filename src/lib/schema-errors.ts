/** Turns zod issues into one Chinese diagnostic per problem, located in the frontmatter. */
import * as z from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

interface JsonSchemaNode {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
}

const labelCache = new WeakMap<z.ZodType, ReadonlyMap<string, string>>();

/**
 * Chinese names of a schema's fields, by dotted path without list indices
 * (`speaker.name`, `metrics.label`): each field's `.describe()` text up to the
 * first ：，（ — `摘要：不超过 200 个字` names the field 摘要.
 */
export function fieldLabels(schema: z.ZodType): ReadonlyMap<string, string> {
  const cached = labelCache.get(schema);
  if (cached) return cached;
  const labels = new Map<string, string>();
  const visit = (node: JsonSchemaNode, prefix: string) => {
    for (const [name, field] of Object.entries(node.properties ?? {})) {
      const label = field.description?.split(/[：，（]/)[0]?.trim();
      if (label) labels.set(`${prefix}${name}`, label);
      // Nested objects, lists of objects, and optional ones (anyOf with null).
      const nested = [field, field.items, ...(field.anyOf ?? []), ...(field.anyOf ?? []).map((n) => n.items)].find((n) => n?.properties);
      if (nested) visit(nested, `${prefix}${name}.`);
    }
  };
  visit(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode, '');
  labelCache.set(schema, labels);
  return labels;
}

/** `摘要（summary）`, `发言人（speaker） › 姓名（name）`, `数据（metrics） › 第 2 项 › 数值（value）`. */
export function fieldName(path: readonly PropertyKey[], labels: ReadonlyMap<string, string> = new Map()): string {
  const names: string[] = [];
  const parts = path.map((p) => {
    if (typeof p === 'number') return `第 ${p + 1} 项`;
    names.push(String(p));
    return `${labels.get(names.join('.')) ?? String(p)}（${String(p)}）`;
  });
  return parts.join(' › ') || '文件头';
}

function describe(issue: z.core.$ZodIssue, labels: ReadonlyMap<string, string>): { rule: string; message: string; fix?: string } {
  const field = fieldName(issue.path, labels);
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

/** One diagnostic per zod issue; `locate` maps an issue path to its line in the file; `labels` name the fields (see fieldLabels). */
export function schemaDiagnostics(
  error: z.ZodError,
  file: string,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
  labels: ReadonlyMap<string, string>,
): Diagnostic[] {
  return error.issues.map((issue) => {
    const { rule, message, fix } = describe(issue, labels);
    const at =
      issue.code === 'unrecognized_keys' ? locate([...issue.path, issue.keys[0] ?? '']) : locate(issue.path);
    return diagnostic(file, rule, message, fix ? { ...at, fix } : at);
  });
}
