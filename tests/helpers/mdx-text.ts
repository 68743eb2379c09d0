/**
 * Removes the markup from generated MDX and returns the text a reader sees: component tags
 * dropped, backslash escapes resolved, frontmatter skipped.
 */
export function mdxToText(mdx: string): string {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .replace(/<\/?[A-Z][A-Za-z]*(?:\s+[a-z]+(?:=(?:"[^"]*"|\{[^}]*\}))?)*\s*\/?>/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Text without whitespace, for comparisons that ignore layout. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}
