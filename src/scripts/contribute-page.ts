/**
 * The /contribute/ page's script. The region picker starts at once: it needs only the division
 * table (about 30 KB compressed). The rest of the form (the validator's checks, pinyin for the
 * file name, traditional-to-simplified conversion, about 250 KB compressed) is imported after
 * it, so that on a slow phone the page is usable while that arrives. Until then the fields a
 * person leaves are remembered and handed over, and a submit waits for the checks instead of
 * reloading the page.
 */
import { startRegionPicker } from './region-picker.ts';

export async function startContributePage(doc: Document): Promise<void> {
  const form = doc.querySelector<HTMLFormElement>('#case-form');
  const status = doc.querySelector<HTMLElement>('#case-status');
  if (!form || !status) return;
  let changed = (): void => undefined;
  const picker = startRegionPicker(doc, () => changed());
  const left = new Set<Element>();
  let submitted = false;
  let waiting = '正在载入检查程序……';
  const remember = (event: FocusEvent) => left.add(event.target as Element);
  // Without this a submit would reload the page (the form has no action) and lose what was typed.
  const hold = (event: SubmitEvent) => {
    event.preventDefault();
    submitted = true;
    status.textContent = waiting;
  };
  form.addEventListener('focusout', remember);
  form.addEventListener('submit', hold);
  let module: typeof import('./contribute-form.ts');
  try {
    module = await import('./contribute-form.ts');
  } catch {
    waiting = '本页的检查程序没能载入，请检查网络后刷新本页（已填的内容请先复制保存）。';
    status.textContent = waiting;
    return;
  }
  form.removeEventListener('focusout', remember);
  form.removeEventListener('submit', hold);
  changed = module.startContributeForm(doc, picker, [...left]);
  // Marks the form as checked from now on (the browser tests wait for it).
  form.dataset['ready'] = 'true';
  // A plain event rather than requestSubmit(), which Safari before 16 (older iPhones' WeChat) lacks.
  if (submitted) form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}
