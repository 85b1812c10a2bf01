/** The words of the site's own interface, written for each locale. */
import type { Locale } from '../model/locale.ts';

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
}

export const ui: Record<Locale, UiStrings> = {
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
  },
};
