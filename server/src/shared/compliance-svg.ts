// Inline SVG charts for the compliance report (HTML file and VS Code dashboard): no script, no
// external resource, and every figure is also written as text so the chart stays readable in print and in grey.
import { percent } from './compliance';

export const COLORS = { passing: '#2e7d32', failing: '#c62828', suppressed: '#9e9e9e', critical: '#7b1fa2', high: '#c62828', medium: '#ef6c00', low: '#f9a825', info: '#1565c0', track: '#e0e0e0' };

/** A ring of passing / failing / suppressed shares with the rate in its middle. */
export function donut(parts: { label: string; value: number; color: string }[], centre: string, title: string): string {
  const total = parts.reduce((s, p) => s + p.value, 0);
  const r = 60;
  const circumference = 2 * Math.PI * r;
  let offset = 0;
  const arcs = parts
    .filter((p) => p.value > 0)
    .map((p) => {
      const length = (p.value / total) * circumference;
      const arc = `<circle cx="80" cy="80" r="${r}" fill="none" stroke="${p.color}" stroke-width="24" stroke-dasharray="${fmt(length)} ${fmt(circumference - length)}" stroke-dashoffset="${fmt(-offset)}" transform="rotate(-90 80 80)"><title>${esc(p.label)}: ${p.value}</title></circle>`;
      offset += length;
      return arc;
    });
  const track = total === 0 ? `<circle cx="80" cy="80" r="${r}" fill="none" stroke="${COLORS.track}" stroke-width="24"/>` : '';
  const legend = parts.map((p, i) => `<rect x="175" y="${40 + i * 26}" width="14" height="14" fill="${p.color}"/><text x="195" y="${52 + i * 26}">${esc(p.label)}: ${p.value}</text>`).join('');
  return `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 340 160" width="340" height="160" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${track}${arcs.join('')}<text x="80" y="87" text-anchor="middle" class="big">${esc(centre)}</text>${legend}</svg>`;
}

/** Horizontal bars, one per row, with the value written beside each. */
export function bars(rows: { label: string; value: number; max: number; color: string; text: string }[], title: string): string {
  const rowHeight = 26;
  const labelWidth = 150;
  const barWidth = 300;
  const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
  const body = rows
    .map((row, i) => {
      const y = 4 + i * rowHeight;
      const w = row.max > 0 ? (row.value / row.max) * barWidth : 0;
      return `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${esc(row.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="16" fill="${COLORS.track}"/><rect x="${labelWidth}" y="${y + 3}" width="${fmt(w)}" height="16" fill="${row.color}"><title>${esc(row.label)}: ${esc(row.text)}</title></rect><text x="${labelWidth + barWidth + 8}" y="${y + 16}">${esc(row.text)}</text>`;
    })
    .join('');
  const width = labelWidth + barWidth + 90;
  return `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>`;
}

/** A compliance-rate bar row. */
export function rateRow(label: string, rate: number | null): { label: string; value: number; max: number; color: string; text: string } {
  return { label, value: rate ?? 0, max: 1, color: rate === null ? COLORS.track : rate >= 0.9 ? COLORS.passing : rate >= 0.6 ? COLORS.medium : COLORS.failing, text: percent(rate) };
}

/** A small stacked bar (passing / suppressed / failing) for a table cell. */
export function stacked(passing: number, suppressed: number, failing: number): string {
  const total = passing + suppressed + failing;
  if (total === 0) return '';
  const width = 120;
  let x = 0;
  const parts = [
    [passing, COLORS.passing, 'passing'],
    [suppressed, COLORS.suppressed, 'suppressed'],
    [failing, COLORS.failing, 'failing'],
  ] as const;
  const rects = parts
    .filter(([n]) => n > 0)
    .map(([n, color, label]) => {
      const w = (n / total) * width;
      const rect = `<rect x="${fmt(x)}" y="0" width="${fmt(w)}" height="12" fill="${color}"><title>${label}: ${n}</title></rect>`;
      x += w;
      return rect;
    });
  return `<svg class="mini" viewBox="0 0 ${width} 12" width="${width}" height="12" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">${rects.join('')}</svg>`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
