// WCAG 2.2 contrast (success criterion 1.4.3, level AA) of the text a page shows: every visible element with text
// of its own, its colour against the background it is drawn on (the nearest ancestor's background colour, with
// translucent layers blended down to the page's), at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
// Disabled controls are exempt, as the criterion exempts inactive components; text over a background image cannot
// be judged this way and is reported apart. Runs inside the page (page.evaluate).

export function textContrast() {
  const parse = value => {
    const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const channel = c => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (x, y) => {
    const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (light + 0.05) / (dark + 0.05);
  };
  // the colour an element is painted on: its own and its ancestors' backgrounds, blended from the page's white
  const background = element => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') {
        return null;
      }
      const colour = parse(style.backgroundColor);
      if (colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) {
          break;
        }
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
  };
  const failures = [];
  let checked = 0;
  let unjudged = 0;
  for (const element of document.body.querySelectorAll('*')) {
    const ownText = [...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const style = getComputedStyle(element);
    if (!ownText || element.getClientRects().length === 0 || style.visibility !== 'visible'
        || Number(style.opacity) === 0 || element.closest(':disabled, [aria-disabled="true"]')) {
      continue;
    }
    const painted = background(element);
    if (painted === null) {
      unjudged += 1;
      continue;
    }
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    const got = ratio(over(parse(style.color), painted), painted);
    checked += 1;
    if (got < needed) {
      failures.push(`"${element.textContent.trim().slice(0, 40)}" (${element.tagName.toLowerCase()}): `
          + `${got.toFixed(2)}:1, needs ${needed}:1`);
    }
  }
  return {checked, unjudged, failures};
}
