/** The scripts an editor writes in. */
export const LOCALE_OPTIONS = [
  { title: '简体 (zh-Hans)', value: 'zh-Hans' },
  { title: '繁體 (zh-Hant)', value: 'zh-Hant' },
];
