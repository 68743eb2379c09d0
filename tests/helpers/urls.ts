/**
 * The seed's addresses in the built site, written out here (not taken from src/site/routes.ts) so
 * that the tests check the routes instead of repeating them. Paths are relative to the base and
 * have no leading slash: `doc('text/')` → policies/jjzz-2020-5/text/; `href()` adds the root's /.
 */
import { policy } from './model.ts';

/** The seed's document id (from its 发文字号). */
export const DOC = policy.id;

/** A page of the seed's document: '' its home, 'text/', 'departments/', 'summary/2/'… */
export const doc = (rest = '') => `policies/${DOC}/${rest}`;
/** A provision's page: policies/jjzz-2020-5/2-1/ */
export const provision = (id: string) => doc(`${id}/`);
/** The seed's own data files: data/jjzz-2020-5/policy.json */
export const docFile = (file: string) => `data/${DOC}/${file}`;

/** The built file of a page path: policies/jjzz-2020-5/text/ → policies/jjzz-2020-5/text/index.html */
export const fileOf = (path: string) => `${path}index.html`;
/** A path as a link from the root build: /policies/jjzz-2020-5/text/ */
export const href = (path: string) => `/${path}`;
