/**
 * The Content-Security-Policy of every page, given to Astro's built-in CSP support
 * (`security.csp`): Astro writes a <meta http-equiv="content-security-policy"> with `script-src`
 * and `style-src` holding 'self' and the hash of each script and style it emits. Inline scripts
 * that Astro does not process (`is:inline`) are therefore blocked: ship scripts as files or as
 * Astro-processed <script> elements. Never add 'unsafe-inline' to scripts.
 *
 * A <meta> cannot set `frame-ancestors` (nor other headers): public/_headers sets those for hosts
 * that read it (Netlify, Cloudflare Pages).
 */
import type { AstroUserConfig } from 'astro';
import { env } from './env.ts';

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export const CSP_DIRECTIVES: NonNullable<CspOptions['directives']> = [
  "default-src 'self'",
  // Lead images may come from an image CDN (Sanity) over https, or from another API host that
  // serves them (SANITY_API_HOST, e.g. the local lake over http).
  ["img-src 'self' https: data:", ...(env.SANITY_API_HOST ? [new URL(env.SANITY_API_HOST).origin] : [])].join(' ') as `img-src ${string}`,
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const csp: CspOptions = {
  algorithm: 'SHA-256',
  directives: CSP_DIRECTIVES,
  // 'wasm-unsafe-eval' lets a WebAssembly search index (Pagefind) run; it allows no JavaScript eval.
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};
