import { defineField, defineType } from 'sanity';

const perLocale = (name: string, title: string, type: 'string' | 'text' = 'string') =>
  defineField({
    name,
    title,
    type: 'object',
    fields: [
      defineField({ name: 'zhHans', title: '简体', type, validation: (r) => r.required().error(`Write the ${title.toLowerCase()} in Simplified.`) }),
      defineField({ name: 'zhHant', title: '繁體', type, validation: (r) => r.required().error(`Write the ${title.toLowerCase()} in Traditional.`) }),
    ],
  });

/** One document (id "siteSettings"): the site's name, disclaimer texts per script and the site glossary. */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  fields: [
    perLocale('siteName', 'Site name'),
    perLocale('reprintNotice', 'Reprint notice', 'text'),
    perLocale('originalNotice', 'Original-work notice ({author} and {url} are filled in)', 'text'),
    perLocale('marketRiskNotice', 'Market-risk notice', 'text'),
    defineField({ name: 'glossary', title: 'Site glossary', type: 'array', of: [{ type: 'glossaryEntry' }] }),
  ],
  preview: { prepare: () => ({ title: 'Site settings' }) },
});
