/**
 * Components used inside the generated MDX (content/policy/). Pages pass them to <Content>;
 * `documentComponents` decides how each part of the notice is laid out.
 */
import Cite from './Cite.astro';
import Dept from './Dept.astro';
import DocNo from './DocNo.astro';
import Duty from './Duty.astro';
import Fig from './Fig.astro';
import Headline from './Headline.astro';
import Marker from './Marker.astro';
import Para from './Para.astro';
import Provision from './Provision.astro';
import Term from './Term.astro';

/** Inline structure, shared by every page that renders policy text. */
export const inlineComponents = { Cite, Dept, DocNo, Duty, Fig, Headline, Marker, Para, Provision, Term };
