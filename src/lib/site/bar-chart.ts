/** Geometry of a horizontal bar chart drawn as static SVG at build time. */

export interface Bar {
  label: string;
  value: number;
  href?: string | undefined;
}

export interface PlacedBar extends Bar {
  y: number;
  width: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  /** x where bars start: the label column's width. */
  barX: number;
  barHeight: number;
  bars: PlacedBar[];
}

/** Label column sized to the longest label (a Han character is about one em wide). */
export function layoutBarChart(bars: readonly Bar[], { width = 360, barHeight = 22, gap = 6, fontSize = 14 } = {}): BarChartLayout {
  const longest = Math.max(1, ...bars.map((b) => [...b.label].length));
  const barX = Math.min(width / 2, longest * fontSize + 12);
  const valueRoom = 5 * fontSize * 0.6 + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = width - barX - valueRoom;
  return {
    width,
    height: bars.length * (barHeight + gap) + gap,
    barX,
    barHeight,
    bars: bars.map((bar, i) => ({ ...bar, y: gap + i * (barHeight + gap), width: Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * span) })),
  };
}
