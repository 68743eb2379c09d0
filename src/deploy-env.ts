/**
 * SITE and BASE_PATH, the deployment's origin and sub-path (README, Deploying), checked before
 * Astro reads them: a bad value stops the build with one line that says what is wrong, rather
 * than a stack trace or pages that load from another host.
 */

export class DeployEnvError extends Error {}

/**
 * SITE: an absolute http:// or https:// origin, optionally with a path (https://example.org,
 * https://example.org/policy/); no credentials, query or fragment. Returns it as given.
 */
export function checkSite(value: string): string {
  const fail = (why: string): never => {
    throw new DeployEnvError(`SITE=${JSON.stringify(value)}: ${why}. Set SITE to the site's address, like https://policy.example.org`);
  };
  if (/[\s\p{C}\\]/u.test(value)) fail('it holds a space, a control character or a backslash');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`${url.protocol} is not a web address: use https:// (or http://)`);
  if (!/^https?:\/\/[^/]/i.test(value) || url.hostname === '') fail('it names no host');
  if (url.username || url.password) fail('it must not carry a user name or password');
  if (url.search || url.hash || value.includes('?') || value.includes('#')) fail('it must not have a query (?…) or a fragment (#…)');
  return value;
}

/**
 * BASE_PATH: the sub-path the site is served under, / by default: segments of letters, digits
 * and - _ . ~, each not . or .., between single slashes (/policy/, /a/b/). Returns it with a
 * slash at each end.
 */
export function checkBasePath(value: string): string {
  const fail = (why: string): never => {
    throw new DeployEnvError(`BASE_PATH=${JSON.stringify(value)}: ${why}. Set BASE_PATH to a path like /policy-explorer/ (or leave it unset for /)`);
  };
  if (!value.startsWith('/')) fail('it must start with /');
  if (value.startsWith('//')) fail('a path starting with // is read as another host');
  if (value.includes('//')) fail('it has an empty segment (//)');
  const segments = value.split('/').filter(Boolean);
  for (const s of segments) {
    if (s === '.' || s === '..') fail(`the segment "${s}" leaves the site's folder`);
    if (!/^[A-Za-z0-9._~-]+$/.test(s)) fail(`the segment "${s}" may hold only letters, digits and - _ . ~`);
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** Both values from the environment, or a message and exit 1 (no stack trace). */
export function deployEnv(env: NodeJS.ProcessEnv = process.env): { site: string | undefined; base: string } {
  try {
    return { site: env.SITE ? checkSite(env.SITE) : undefined, base: checkBasePath(env.BASE_PATH ?? '/') };
  } catch (error) {
    if (!(error instanceof DeployEnvError)) throw error;
    console.error(`[config] ${error.message}`);
    process.exit(1);
  }
}
