/** How the parts of the notice (content/policy/document.mdx) render. */
import { inlineComponents } from '../mdx/index.ts';
import Addressees from './Addressees.astro';
import DocDate from './DocDate.astro';
import DocNumber from './DocNumber.astro';
import DocTitle from './DocTitle.astro';
import DocTitleSection from './DocTitleSection.astro';
import Notice from './Notice.astro';
import Preamble from './Preamble.astro';
import Signature from './Signature.astro';

const parts = { Addressees, DocDate, DocNumber, Notice, Preamble, Signature };

/** The notice as the page's main content: its title is the h1. */
export const documentComponents = { ...inlineComponents, ...parts, DocTitle };
/** The notice inside a page that has its own h1. */
export const embeddedDocumentComponents = { ...inlineComponents, ...parts, DocTitle: DocTitleSection };
