/**
 * "Preview" on an article (a document action beside Publish): makes a preview secret the way
 * @sanity/preview-url-secret intends (createPreviewSecret: a `sanity.previewUrlSecret` document, valid for an
 * hour, which the site's server looks up with its read token) and opens the draft's page on the site's server in
 * a new tab, in the article's own script (sanity/components/preview/preview-url.ts). Without
 * SANITY_STUDIO_PREVIEW_URL the action is disabled and says what to set.
 */
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret';
import { useState } from 'react';
import { useClient, useCurrentUser, type DocumentActionComponent } from 'sanity';
import { PUBLISHED_LOCALES, type Locale } from '../site-locales.ts';
import { PREVIEW_URL_MISSING, previewLink } from './preview-url.ts';

const API_VERSION = '2025-02-19';

export const PreviewAction: DocumentActionComponent = (props) => {
  const client = useClient({ apiVersion: API_VERSION });
  const user = useCurrentUser();
  const [error, setError] = useState<string | undefined>();
  const doc = (props.draft ?? props.published) as { slug?: { current?: string }; sourceLocale?: string } | null;
  const slug = doc?.slug?.current;
  const locale: Locale = PUBLISHED_LOCALES.includes(doc?.sourceLocale as Locale) ? (doc!.sourceLocale as Locale) : 'zh-Hans';
  const base = process.env.SANITY_STUDIO_PREVIEW_URL;
  const check = previewLink({ base, slug, locale, secret: 'check' });
  return {
    label: 'Preview 预览',
    title: check.ok ? 'Open this draft on the site (a new tab; the link is valid for an hour)' : check.reason,
    disabled: !check.ok,
    onHandle: () => {
      // Opened now, within the click, so no pop-up blocker stops it; pointed at the preview once the secret exists.
      const tab = window.open('', '_blank');
      createPreviewSecret(client, 'tongbao-studio', window.location.href, user?.id)
        .then(({ secret }) => {
          const link = previewLink({ base, slug, locale, secret });
          if (!link.ok) throw new Error(link.reason);
          if (tab) tab.location.href = link.url;
          else window.location.href = link.url;
          props.onComplete();
        })
        .catch((e: unknown) => {
          tab?.close();
          setError((e as Error).message || PREVIEW_URL_MISSING);
        });
    },
    dialog: error ? { type: 'dialog', header: 'Preview', content: error, onClose: () => setError(undefined) } : undefined,
  };
};
