// Pairs each gold claim with at most one predicted claim so that the total weight is greatest: the Hungarian
// algorithm on a square cost matrix padded with zero weights. Ties fall as in ../shared/eval/score.mjs, whose
// loop order this keeps, so both scorers pair the same claims.

/** The [row, column] pairs of a maximum-weight matching; pairs of weight 0 are left out. */
export function assign(weights: number[][]): [number, number][] {
  const rows = weights.length;
  const cols = rows ? (weights[0]?.length ?? 0) : 0;
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  let max = 0;
  for (const row of weights) for (const w of row) max = Math.max(max, w);
  const weightAt = (i: number, j: number) => (i < rows && j < cols ? (weights[i]?.[j] ?? 0) : 0);
  const cost = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => max - weightAt(i, j)));
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i < rows && j - 1 < cols && weightAt(i, j - 1) > 0) pairs.push([i, j - 1]);
  }
  return pairs;
}
