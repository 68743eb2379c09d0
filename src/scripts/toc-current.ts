/**
 * The full text on a desktop: the sidebar's table of contents marks the chapter and the provision
 * being read (aria-current="location"), and keeps it in view. Only on /policies/<id>/text/.
 */
const toc = document.querySelector<HTMLElement>('.pe-fulltext__toc');
const sections = [...document.querySelectorAll<HTMLElement>('.pe-doc--official .pe-chapter, .pe-doc--official .pe-provision')];
if (toc && sections.length && 'IntersectionObserver' in window) {
  const linkFor = (section: HTMLElement) =>
    toc.querySelector<HTMLAnchorElement>(`a[href$="#${CSS.escape(section.id)}"]`);
  const visible = new Set<HTMLElement>();
  const mark = () => {
    const current = sections.filter((s) => visible.has(s));
    const provision = current.find((s) => s.classList.contains('pe-provision'));
    const chapter = provision?.closest<HTMLElement>('.pe-chapter') ?? current.find((s) => s.classList.contains('pe-chapter'));
    for (const a of toc.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
    for (const s of [chapter, provision]) {
      const a = s && linkFor(s);
      if (a) a.setAttribute('aria-current', 'location');
    }
    const a = (provision && linkFor(provision)) ?? (chapter && linkFor(chapter));
    if (a) {
      const box = toc.getBoundingClientRect();
      const r = a.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) toc.scrollTop += r.top - box.top - box.height / 3;
    }
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) (e.isIntersecting ? visible.add(e.target as HTMLElement) : visible.delete(e.target as HTMLElement));
    mark();
  }, { rootMargin: '-20% 0px -60% 0px' });
  for (const s of sections) observer.observe(s);
}
