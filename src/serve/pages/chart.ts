import type { Revision } from "../../model.js";
import { html, type SafeHtml } from "../html.js";
import { formatTime } from "./format.js";

const WIDTH = 640;
const HEIGHT = 170;
const PAD = { left: 44, right: 16, top: 14, bottom: 26 };

/**
 * Words added (up, green) and removed (down, red) per revision, placed on a time axis so bursts of edits
 * show as clusters. Inline SVG: no script, no external assets; each bar has a <title> for hover text.
 */
export function revisionChart(revisions: readonly Revision[]): SafeHtml {
  if (revisions.length === 0) return html``;
  const times = revisions.map((r) => new Date(r.observedAt).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const maxAdded = Math.max(1, ...revisions.map((r) => r.wordsAdded));
  const maxRemoved = Math.max(1, ...revisions.map((r) => r.wordsRemoved));
  // Share the height between the two directions in proportion to their peaks, with a floor for the smaller.
  const upShare = Math.min(0.8, Math.max(0.2, maxAdded / (maxAdded + maxRemoved)));
  const zeroY = PAD.top + plotHeight * upShare;
  const upScale = (plotHeight * upShare) / maxAdded;
  const downScale = (plotHeight * (1 - upShare)) / maxRemoved;
  const barWidth = Math.max(3, Math.min(18, plotWidth / (revisions.length * 2)));
  const x = (t: number) =>
    revisions.length === 1 ? PAD.left + plotWidth / 2 : PAD.left + ((t - first) / span) * plotWidth;

  const bars = revisions.map((r, i) => {
    const cx = x(times[i] ?? first) - barWidth / 2;
    const up = r.wordsAdded * upScale;
    const down = r.wordsRemoved * downScale;
    return html`<g><title>Revision ${r.seq}, ${formatTime(r.observedAt)}: +${r.wordsAdded} −${r.wordsRemoved} words</title>
<rect x="${n(cx)}" y="${n(zeroY - up)}" width="${n(barWidth)}" height="${n(up)}" fill="#2e9d4f"/>
<rect x="${n(cx)}" y="${n(zeroY)}" width="${n(barWidth)}" height="${n(down)}" fill="#d24b4b"/></g>`;
  });
  return html`<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="11">
<title id="chart-title">Words added and removed per revision over time</title>
<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${n(zeroY)}" y2="${n(zeroY)}" stroke="#9aa3b2"/>
<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end" fill="#0b5b1d">+${maxAdded}</text>
<text x="${PAD.left - 6}" y="${HEIGHT - PAD.bottom}" text-anchor="end" fill="#8a1313">−${maxRemoved}</text>
${bars}
<text x="${PAD.left}" y="${HEIGHT - 6}" fill="#5b6475">${formatTime(new Date(first).toISOString())}</text>
${revisions.length > 1 ? html`<text x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end" fill="#5b6475">${formatTime(new Date(last).toISOString())}</text>` : ""}
</svg>`;
}

function n(value: number): string {
  return value.toFixed(1);
}
