/** How the parts of a document (content/policies/<id>/document.mdx, attachments/*.mdx) render. */
import { inlineComponents } from '../mdx/index.ts';
import Addressees from './Addressees.astro';
import AttachmentLabel from './AttachmentLabel.astro';
import AttachmentNote from './AttachmentNote.astro';
import AttachmentTitle from './AttachmentTitle.astro';
import AttachmentTitlePage from './AttachmentTitlePage.astro';
import AttachmentTitleSection from './AttachmentTitleSection.astro';
import CarriedTitle from './CarriedTitle.astro';
import DocDate from './DocDate.astro';
import DocNotes from './DocNotes.astro';
import DocNumber from './DocNumber.astro';
import DocTitle from './DocTitle.astro';
import DocTitleSection from './DocTitleSection.astro';
import Notice from './Notice.astro';
import Preamble from './Preamble.astro';
import Signature from './Signature.astro';

const parts = { Addressees, AttachmentNote, CarriedTitle, DocDate, DocNotes, DocNumber, Notice, Preamble, Signature };

/** The notice as the page's main content: its title is the h1. */
export const documentComponents = { ...inlineComponents, ...parts, DocTitle };
/** The notice inside a page that has its own h1. */
export const embeddedDocumentComponents = { ...inlineComponents, ...parts, DocTitle: DocTitleSection };
/** An attachment in the full text: its title is an h2, like a chapter's. */
export const attachmentComponents = { ...inlineComponents, AttachmentLabel, AttachmentTitle };
/** An attachment inside a page section that has its own h2. */
export const embeddedAttachmentComponents = { ...inlineComponents, AttachmentLabel, AttachmentTitle: AttachmentTitleSection };
/** An attachment on its own page: its title is the h1. */
export const pageAttachmentComponents = { ...inlineComponents, AttachmentLabel, AttachmentTitle: AttachmentTitlePage };
