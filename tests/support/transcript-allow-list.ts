// What a chat transcript may contain, written out for the hostile-input tests (not taken from the product's own
// list), and what a person and a browser could do to it. Both functions are self-contained, with no closures, so
// Playwright can run them inside the real panel (page.evaluate) and Vitest can call them in happy-dom.

/** Everything in `root` that breaks the allow-list, one line per finding. */
export function unsafeFindings(root: Element): string[] {
  const bodyTags = new Set(['P', 'BR', 'STRONG', 'EM', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
  const bodyAttributes: Record<string, readonly string[]> = { A: ['href', 'title', 'target', 'rel'], OL: ['start'] };
  const safeHref = /^(?:https?:\/\/|mailto:)/i;
  // Elements that must appear nowhere in the transcript (the panel's own line icons are svg.icon, checked apart).
  const never = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'LINK', 'META', 'BASE', 'MATH', 'TEMPLATE', 'NOSCRIPT', 'INPUT', 'VIDEO', 'AUDIO', 'SOURCE', 'MARQUEE', 'DETAILS']);
  const findings: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toUpperCase();
    const inIcon = element.closest('svg.icon') !== null;
    if (never.has(tag) || (tag === 'SVG' && !inIcon) || (tag === 'IMG' && !element.getAttribute('src')?.startsWith('blob:'))) findings.push(`element ${tag}`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name.toLowerCase() === 'style') findings.push(`${tag} ${attribute.name}`);
    }
    if (tag === 'A' && element.hasAttribute('href')) {
      const href = element.getAttribute('href') ?? '';
      if (!safeHref.test(href)) findings.push(`href ${href.slice(0, 40)}`);
      if (element.getAttribute('target') !== '_blank' || element.getAttribute('rel') !== 'noopener noreferrer') findings.push('link without target/rel');
    }
  }
  for (const body of root.querySelectorAll('.chat-body')) {
    for (const element of body.querySelectorAll('*')) {
      const tag = element.tagName.toUpperCase();
      if (!bodyTags.has(tag)) findings.push(`body element ${tag}`);
      const allowed = bodyAttributes[tag] ?? [];
      for (const attribute of element.attributes) if (!allowed.includes(attribute.name)) findings.push(`body attribute ${tag} ${attribute.name}`);
    }
  }
  return findings;
}

/** Does to every element in `root` what a person and a browser could: click it (but never follow a web link),
 *  hover, focus, and fire the load/error events a browser fires on media. */
export async function exerciseElements(root: Element): Promise<void> {
  const events = ['mouseover', 'mouseenter', 'focus', 'focusin', 'error', 'load', 'toggle', 'animationstart', 'pointerdown', 'input', 'submit'];
  const safeHref = /^(?:https?:\/\/|mailto:)/i;
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    const link = element.closest('a[href]');
    const followsWebLink = link !== null && safeHref.test(link.getAttribute('href') ?? '');
    if (!followsWebLink && typeof element.click === 'function') element.click();
    for (const type of events) element.dispatchEvent(new Event(type));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
