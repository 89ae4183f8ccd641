/** A span that needs a lane in the margin. */
export interface LaneSpan {
  id: number;
  start: number;
  end: number;
}

/**
 * Give each span a lane (0, 1, …) so that overlapping spans never share one: one sweep over the
 * spans sorted by start, reusing the lowest lane that is free again.
 * @example assignLanes([{ id: 1, start: 0, end: 5 }, { id: 2, start: 3, end: 8 }]) // Map { 1 => 0, 2 => 1 }
 */
export function assignLanes(spans: readonly LaneSpan[]): Map<number, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}
