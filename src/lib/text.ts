/**
 * Interface texts with placeholders (src/config/ui.ts: `第 {n} 页`, `{y} 年 {m} 月`), filled in one
 * place. A placeholder without a value, or a value without its placeholder, is a mistake in the text
 * or the caller and stops the build with both named.
 */
export function t(template: string, values: Readonly<Record<string, string | number>>): string {
  const used = new Set<string>();
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`[tongbao] the text "${template}" has {${name}} but no value was given for it`);
    used.add(name);
    return String(value);
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`[tongbao] the text "${template}" has no {${unused.join('}, {')}} for the value(s) given`);
  return filled;
}
