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

/** A provision's MDX inside its document's provisions.mdx (files of a folder, or the file's text): what stands between <Provision id="…"> and </Provision>. */
export function provisionMdx(files: ReadonlyMap<string, string> | string, id: string): string {
  const mdx = typeof files === 'string' ? files : files.get('provisions.mdx');
  if (mdx === undefined) throw new Error('no provisions.mdx');
  const open = `<Provision id="${id}" only={props.only}>`;
  const start = mdx.indexOf(open);
  if (start < 0) throw new Error(`provisions.mdx has no provision ${id}`);
  const end = mdx.indexOf('</Provision>', start);
  return mdx.slice(start + open.length, end).trim();
}
