/** UI copy shared by several pages, in simplified Chinese. */
import type { CollectionName } from '../../schemas/index.ts';

export const COLLECTION_INTRO: Record<CollectionName, string> = {
  reports: '各地政协负责同志在会议上的经验交流发言，按原文收录。',
  cases: '从经验交流和制度文件中提炼的创新做法，每个案例写明背景、做法、成效和启示。',
  rules: '经验交流中提到的制度文件：协商规则、办理办法、考核办法等。全文未知时只录出处原话。',
};

export const SITE_INTRO =
  '政协案例库汇集市县政协的经验交流、创新案例和制度文件。输入几个字，就能找到各地政协做过的类似工作，并看到它的出处、制度依据和相关做法。';
