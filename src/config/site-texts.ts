/**
 * The site's texts written per script (name, tagline, disclaimers, quotation marks): data only, pure and
 * browser-safe. src/config/site.ts validates them with the rest of the configuration; the Studio's conversion
 * pane (sanity/components/) shows the disclaimers and typography the build applies from the same object.
 * Texts use full-width punctuation; zh-Hant-HK takes zh-Hant's converted to Hong Kong forms unless written.
 */
export const SITE_TEXTS = {
  name: { 'zh-Hans': '通报', 'zh-Hant': '通報' },
  tagline: { 'zh-Hans': '新闻与新闻稿，简繁同步发布', 'zh-Hant': '新聞與新聞稿，簡繁同步發佈' },
  disclaimers: {
    reprint: {
      'zh-Hans': '本内容属于网络转载，文中涉及图片等内容如有侵权，请联系编辑删除。',
      'zh-Hant': '本內容屬於網絡轉載，文中涉及圖片等內容如有侵權，請聯繫編輯刪除。',
    },
    reprintSourceLabel: { 'zh-Hans': '来源：', 'zh-Hant': '來源：' },
    original: {
      'zh-Hans': '原创文章，作者：{author}，如若转载，请注明出处：{url}',
      'zh-Hant': '原創文章，作者：{author}，如若轉載，請注明出處：{url}',
    },
    marketRisk: {
      'zh-Hans': '市场有风险，选择需谨慎！此文仅供参考，不作买卖及投资依据。',
      'zh-Hant': '市場有風險，選擇需謹慎！此文僅供參考，不作買賣及投資依據。',
    },
    heading: { 'zh-Hans': '声明', 'zh-Hant': '聲明' },
  },
  typography: {
    quotes: {
      'zh-Hans': { open: '\u201c', close: '\u201d', openInner: '\u2018', closeInner: '\u2019' },
      'zh-Hant': { open: '\u300c', close: '\u300d', openInner: '\u300e', closeInner: '\u300f' },
    },
  },
};
