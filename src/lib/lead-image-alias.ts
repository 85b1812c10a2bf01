/** The Vite alias of the content images folder: astro.config.ts defines it, src/lib/lead-image.ts globs it. */
export const CONTENT_IMAGES_ALIAS = '@content-images';
