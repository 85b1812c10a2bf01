import { defineField, defineType } from 'sanity';

/**
 * A name's own form in each script, where OpenCC conversion would be wrong (personal names, brands).
 * Sanity field names cannot contain hyphens: zhHans/zhHant here, "zh-Hans"/"zh-Hant" in the site's model
 * (the GROQ projection maps them).
 */
export const localizedNames = defineType({
  name: 'localizedNames',
  title: 'Names per script',
  type: 'object',
  description: 'Only where conversion would be wrong: the site converts the name otherwise.',
  fields: [
    defineField({ name: 'zhHans', title: '简体 (zh-Hans)', type: 'string' }),
    defineField({ name: 'zhHant', title: '繁體 (zh-Hant)', type: 'string' }),
    defineField({
      name: 'zhHantHK',
      title: '繁體・香港 (zh-Hant-HK)',
      type: 'string',
      description: 'For a site publishing zh-Hant-HK; without it Hong Kong takes the zh-Hant form.',
    }),
  ],
});
