/**
 * The site the reader's end-to-end tests read: the embedded samples built as `npm run build` does, with
 * two articles a page, so the sample content paginates (tests/e2e/pages.spec.ts), and two a search
 * shard, so the search page merges shards (tests/e2e/search.spec.ts).
 *
 * `npx playwright test` builds it into the default output folder before serving it (playwright.config.ts).
 * `npm test` builds it beforehand, beside its other preparations (scripts/test.ts), into a folder of its
 * own that it names in E2E_SITE; Playwright then only serves that folder.
 */
export const E2E_BUILD_ENV = { TONGBAO_PAGE_SIZE: '2', TONGBAO_SEARCH_SHARD_SIZE: '2' } as const;

/** The variable that names a folder where the site is already built. */
export const E2E_SITE = 'TONGBAO_E2E_SITE';
