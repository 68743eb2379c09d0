/**
 * HTTP response headers recommended for deployers (README "Deploying"), and used by the tests
 * that serve the built site with them. The site keeps every script and style in its own files
 * (astro.config.mjs: assetsInlineLimit 0, inlineStylesheets 'never'), so the policy needs no
 * hashes; 'wasm-unsafe-eval' lets Pagefind run its WebAssembly search.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'frame-ancestors': "'none'",
  'form-action': "'self'",
};

export const CSP = Object.entries(CSP_DIRECTIVES).map(([k, v]) => `${k} ${v}`).join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
