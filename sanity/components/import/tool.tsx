/**
 * The Studio tool "Import a press release" (sanity.config.ts `tools`). Its component (ImportTool.tsx) is loaded on
 * first use, so the importer (iconv-lite's tables, readability, linkedom) stays out of the Studio's first bundle.
 */
import { lazy, Suspense } from 'react';
import type { Tool } from 'sanity';

const Import = lazy(() => import('./ImportTool.tsx').then((m) => ({ default: m.ImportTool })));

export const importTool: Tool = {
  name: 'import',
  title: 'Import',
  component: () => (
    <Suspense fallback={null}>
      <Import />
    </Suspense>
  ),
};
