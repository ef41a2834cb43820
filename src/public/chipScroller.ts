/**
 * A row of chips that scrolls sideways on a narrow screen, with a visible hint of what is out of
 * view: a faded edge with an arrow on each side that has more chips. The wrapper carries
 * `data-more-start` / `data-more-end` while chips lie beyond that edge; the CSS shows the arrows
 * from them. A tap on an arrow scrolls most of a screen's width; keyboard users Tab through the
 * chips, which the browser scrolls into view, so the arrows stay out of the tab order.
 */
export function chipScroller(wrap: HTMLElement, row: HTMLElement, prev: HTMLElement, next: HTMLElement): () => void {
  /** Slack for sub-pixel scroll positions, px. */
  const EPS = 2;
  const update = () => {
    const more = row.scrollWidth - row.clientWidth;
    wrap.toggleAttribute('data-more-start', more > EPS && row.scrollLeft > EPS);
    wrap.toggleAttribute('data-more-end', more > EPS && row.scrollLeft < more - EPS);
  };
  const by = (dir: 1 | -1) => row.scrollBy({ left: dir * Math.max(80, row.clientWidth * 0.7), behavior: 'smooth' });
  prev.addEventListener('click', () => by(-1));
  next.addEventListener('click', () => by(1));
  row.addEventListener('scroll', update, { passive: true });
  window.addEventListener('resize', update);
  // new chips (another language) change the row's width
  new MutationObserver(update).observe(row, { childList: true, subtree: true, characterData: true });
  update();
  return update;
}
