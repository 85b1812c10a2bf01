/** The words of the site's own interface, written for each locale. */
import type { Locale } from '../model/locale.ts';
import { fillHongKong, type Written } from '../zh/locale-text.ts';
import { toHongKong } from './site.ts';

export interface UiStrings {
  skipToContent: string;
  latest: string;
  byline: string;
  published: string;
  updated: string;
  tags: string;
  readIn: string;
  feed: string;
  home: string;
  noArticles: string;
  sourceOf: string;
  /** Banner on every page of a preview build (drafts shown). */
  previewBanner: string;
  /** The preview banner's link out of the preview (server output: clears the preview cookie). */
  previewExit: string;
  // The reader's site (issue 6).
  lead: string;
  categories: string;
  tagPage: string;
  authorPage: string;
  archive: string;
  /** `{n}` is the page number. */
  pageN: string;
  pagination: string;
  newerPage: string;
  olderPage: string;
  related: string;
  articleNav: string;
  newerArticle: string;
  olderArticle: string;
  /** `{n}` is the number of minutes. */
  readingTime: string;
  search: string;
  searchLabel: string;
  searchNoScript: string;
  notFoundTitle: string;
  notFoundText: string;
  theme: string;
  mainNav: string;
  /** `{y}` year, `{m}` month. */
  monthTitle: string;
  /** `{y}` year. */
  yearTitle: string;
  // Front page, header, reader controls, sharing (issue 17).
  /** `{name}` is the section's name. */
  moreIn: string;
  /** The compact menu's button on phones. */
  menu: string;
  readerControls: string;
  fontSize: string;
  fontSmall: string;
  fontMedium: string;
  fontLarge: string;
  share: string;
  shareNative: string;
  shareEmail: string;
  copyLink: string;
  copied: string;
  wechat: string;
  /** Under the WeChat QR code. */
  wechatHint: string;
  /** The QR code's text alternative. */
  wechatQr: string;
  shareWeibo: string;
  shareLine: string;
  shareX: string;
  shareFacebook: string;
  /** The heading of an article's corrections box (更正). */
  correction: string;
  /** The corrections page: its title, the line under it, and what it says when there are none. */
  corrections: string;
  correctionsIntro: string;
  noCorrections: string;
  /** `{name}` is the author's name: the list of their other articles on an article page. */
  moreFromAuthor: string;
}

/** zh-Hant-HK may get its own strings here; without them it reads zh-Hant's converted to Hong Kong forms. */
const written: Written<UiStrings> = {
  'zh-Hans': {
    skipToContent: '跳到正文',
    latest: '最新文章',
    byline: '作者',
    published: '发布',
    updated: '更新',
    tags: '标签',
    readIn: '阅读语言',
    feed: 'RSS 订阅',
    home: '首页',
    noArticles: '暂无文章。',
    sourceOf: '原文来源',
    previewBanner: '预览：本页含未发布的草稿，仅供编辑检查，请勿转发。',
    previewExit: '退出预览',
    lead: '头条',
    categories: '栏目',
    tagPage: '标签',
    authorPage: '作者',
    archive: '归档',
    pageN: '第 {n} 页',
    pagination: '分页',
    newerPage: '上一页',
    olderPage: '下一页',
    related: '相关推荐',
    articleNav: '上一篇与下一篇',
    newerArticle: '较新一篇',
    olderArticle: '较早一篇',
    readingTime: '阅读约 {n} 分钟',
    search: '搜索',
    searchLabel: '搜索文章',
    searchNoScript: '搜索需要启用 JavaScript；也可以按栏目、标签或日期浏览全部文章。',
    notFoundTitle: '找不到该页面',
    notFoundText: '您访问的页面不存在或已移动。可以回到首页，或搜索文章。',
    theme: '切换深色模式',
    mainNav: '主导航',
    monthTitle: '{y} 年 {m} 月',
    yearTitle: '{y} 年',
    moreIn: '更多{name}',
    menu: '栏目',
    readerControls: '阅读设置',
    fontSize: '字号',
    fontSmall: '小字号',
    fontMedium: '中字号',
    fontLarge: '大字号',
    share: '分享',
    shareNative: '分享…',
    shareEmail: '电邮',
    copyLink: '复制链接',
    copied: '已复制链接',
    wechat: '微信',
    wechatHint: '用微信“扫一扫”打开本文，再分享给朋友',
    wechatQr: '本文网址的二维码',
    shareWeibo: '微博',
    shareLine: 'LINE',
    shareX: 'X',
    shareFacebook: 'Facebook',
    correction: '更正',
    corrections: '更正',
    correctionsIntro: '报道有误时，我们在原文末尾刊登更正并注明日期；这里按时间列出全部更正，最新的在前。',
    noCorrections: '暂无更正。',
    moreFromAuthor: '{name}的更多文章',
  },
  'zh-Hant': {
    skipToContent: '跳到正文',
    latest: '最新文章',
    byline: '作者',
    published: '發佈',
    updated: '更新',
    tags: '標籤',
    readIn: '閱讀語言',
    feed: 'RSS 訂閱',
    home: '首頁',
    noArticles: '暫無文章。',
    sourceOf: '原文來源',
    previewBanner: '預覽：本頁含未發佈的草稿，僅供編輯檢查，請勿轉發。',
    previewExit: '退出預覽',
    lead: '頭條',
    categories: '欄目',
    tagPage: '標籤',
    authorPage: '作者',
    archive: '歸檔',
    pageN: '第 {n} 頁',
    pagination: '分頁',
    newerPage: '上一頁',
    olderPage: '下一頁',
    related: '相關推薦',
    articleNav: '上一篇與下一篇',
    newerArticle: '較新一篇',
    olderArticle: '較早一篇',
    readingTime: '閱讀約 {n} 分鐘',
    search: '搜尋',
    searchLabel: '搜尋文章',
    searchNoScript: '搜尋需要啟用 JavaScript；也可以按欄目、標籤或日期瀏覽全部文章。',
    notFoundTitle: '找不到該頁面',
    notFoundText: '您訪問的頁面不存在或已移動。可以回到首頁，或搜尋文章。',
    theme: '切換深色模式',
    mainNav: '主導覽',
    monthTitle: '{y} 年 {m} 月',
    yearTitle: '{y} 年',
    moreIn: '更多{name}',
    menu: '欄目',
    readerControls: '閱讀設定',
    fontSize: '字級',
    fontSmall: '小字級',
    fontMedium: '中字級',
    fontLarge: '大字級',
    share: '分享',
    shareNative: '分享…',
    shareEmail: '電郵',
    copyLink: '複製連結',
    copied: '已複製連結',
    wechat: '微信',
    wechatHint: '用微信「掃一掃」開啟本文，再分享給朋友',
    wechatQr: '本文網址的 QR 碼',
    shareWeibo: '微博',
    shareLine: 'LINE',
    shareX: 'X',
    shareFacebook: 'Facebook',
    correction: '更正',
    corrections: '更正',
    correctionsIntro: '報導有誤時，我們在原文末尾刊登更正並註明日期；這裡按時間列出全部更正，最新的在前。',
    noCorrections: '暫無更正。',
    moreFromAuthor: '{name}的更多文章',
  },
};

export const ui: Record<Locale, UiStrings> = fillHongKong(written, toHongKong);
