/**
 * The conversion view as the Structure Builder takes it: the pane (ConversionPane.tsx) loaded on first use, so the
 * site's pipeline (unified, the sanitizer, the HTML serializer) stays out of the Studio's first bundle.
 */
import { lazy, Suspense } from 'react';
import type { UserViewComponent } from 'sanity/structure';

const Pane = lazy(() => import('./ConversionPane.tsx').then((m) => ({ default: m.ConversionPane })));

export const ConversionView: UserViewComponent = (props) => (
  <Suspense fallback={null}>
    <Pane {...props} />
  </Suspense>
);
