/**
 * Rendering a content entry (a document's MDX) for a page. Components and pages take it from here,
 * so that src/site/ stays the only code that imports astro:content.
 */
export { render } from 'astro:content';
