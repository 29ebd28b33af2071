// The optimal mode: the most mentees matched, then the greatest total score — solved exactly.
//
// It is a min-cost flow: each mentee sends as many units as it may get mentors, a unit goes through
// one mentor (cost −score, each pair at most once) into the sink (each mentor takes `capacity`
// units), or straight to the sink as "unmatched". A mentee left with no mentor at all pays UNMATCHED,
// a cost larger than any difference in total score, so more matched mentees always win and the score
// decides among equals. Every mentee can be unmatched, so every unit always finds a path.
//
// Successive shortest paths with node potentials (the Hungarian / Jonker–Volgenant scheme): one
// Dijkstra per unit, on reduced costs that potentials keep non-negative, stopping as soon as the sink
// is settled. Mentors are nodes with capacities rather than one column per place in their group, so a
// Dijkstra step costs O(mentors) per mentee reached instead of O(places); the dense matrix is read
// row by row. No negative cycle ever appears in the residual graph, which is what makes the final
// flow optimal whatever order the mentees are taken in.
//
// Among equally good answers it keeps what it has: on equal distances the path found first stays, so
// a unit moves a formed pair (or takes a further mentor for a mentee) only when that strictly improves
// the objective, and the earlier mentee keeps its mentor. Ties between what to settle next go to what
// ends the run: the sink, then a mentor with a free place.
import { type DensePairs, type DenseProblem, MAX_ABS_SCORE, NO_PAIR } from './dense.ts';

/**
 * How much searching a solve took: `units` shortest-path runs (one per mentor a mentee may get),
 * `settled` people settled over all runs (mentees and mentors), `scans` passes over the unsettled
 * mentors. With free places everywhere a run settles its mentee and one mentor in one pass; the
 * benchmark prints these, and tests hold the search to its early stops.
 */
export interface OptimalStats {
  units: number;
  settled: number;
  scans: number;
}

export function solveOptimal(problem: DenseProblem, stats?: OptimalStats): DensePairs {
  const solver = new OptimalSolver(problem);
  problem.menteeCapacity.forEach((units, mentee) => {
    for (let unit = 0; unit < units; unit++) solver.routeUnitFrom(mentee);
  });
  if (stats) Object.assign(stats, solver.stats);
  return solver.pairs();
}

/** Exported for the tests, which check the potentials after every run; the engine calls solveOptimal. */
export class OptimalSolver {
  readonly problem: DenseProblem;
  private readonly m: number;
  readonly stats: OptimalStats = { units: 0, settled: 0, scans: 0 };
  /** −score of each allowed pair not yet formed; +Infinity for forbidden and formed pairs. */
  readonly cost: Float64Array;
  readonly unmatchedCost: number;

  // Potentials: reduced cost of an arc x→y is cost + pot[x] − pot[y] ≥ 0. The sink's potential stays 0.
  readonly mentorPot: Float64Array;
  readonly menteePot: Float64Array;

  // Current pairs: a mentor's mentees sit in its own segment of `mentorSlots`.
  private readonly mentorSlotStart: Int32Array;
  readonly mentorLoad: Int32Array;
  private readonly mentorSlots: Int32Array;
  /** Units a mentee sent straight to the sink ("unmatched"). */
  readonly menteeUnmatchedUnits: Int32Array;

  // Dijkstra state, reused between runs. Mentee labels are valid only when stamped with the current run.
  readonly mentorDist: Float64Array;
  readonly mentorPred: Int32Array;
  readonly unsettledMentors: Int32Array;
  /** 1 for a mentor with a free place (the tie-break of the nearest-mentor search). */
  readonly freePlace: Uint8Array;
  /** relaxFrom's second result: the nearest unsettled mentor's distance. */
  readonly nearestDist = new Float64Array(1);
  private readonly settledMentors: Int32Array;
  private readonly menteeDist: Float64Array;
  private readonly menteePred: Int32Array;
  private readonly menteeStamp: Int32Array;
  private readonly menteeSettledStamp: Int32Array;
  private readonly settledMentees: Int32Array;
  private readonly waiting: MenteeHeap;
  private run = 0;

  constructor(problem: DenseProblem) {
    this.problem = problem;
    const { mentorCount: m, menteeCount: n, score } = problem;
    this.m = m;
    this.freePlace = Uint8Array.from(problem.mentorCapacity, (capacity) => (capacity > 0 ? 1 : 0));
    this.cost = new Float64Array(n * m);
    this.menteePot = new Float64Array(n);
    let maxAbs = 0;
    // A mentor with no place left is as good as absent: +Infinity on its whole column.
    const closed = Float64Array.from(this.freePlace, (free) => (free ? 0 : Number.POSITIVE_INFINITY));
    // Stryker disable next-line EqualityOperator: row n is past the matrix (reads undefined, writes are dropped)
    for (let mentee = 0; mentee < n; mentee++) {
      // Starting potentials: a mentee's best score makes every arc out of it non-negative.
      let best = 0;
      const row = mentee * m;
      // Stryker disable next-line EqualityOperator: column m is the next row's first, whose cost that row writes again; counting its score only raises a potential that stays feasible
      for (let mentor = 0; mentor < m; mentor++) {
        const s = score[row + mentor] as number;
        const c = s === NO_PAIR ? Number.POSITIVE_INFINITY : -s + (closed[mentor] as number);
        this.cost[row + mentor] = c;
        best = Math.max(best, -c);
        if (c !== Number.POSITIVE_INFINITY) maxAbs = Math.max(maxAbs, Math.abs(s));
      }
      this.menteePot[mentee] = best;
    }
    if (maxAbs > MAX_ABS_SCORE) throw new RangeError(`Scores must stay within ±${MAX_ABS_SCORE}`);
    this.mentorPot = new Float64Array(m);

    this.mentorSlotStart = prefixSums(problem.mentorCapacity);
    this.mentorLoad = new Int32Array(m);
    this.mentorSlots = new Int32Array(this.mentorSlotStart[m] as number);
    this.menteeUnmatchedUnits = new Int32Array(n);
    // Any flow has at most one pair per place, each moving the total by at most 2·maxAbs.
    this.unmatchedCost = 2 * maxAbs * this.mentorSlots.length + 1;

    this.mentorDist = new Float64Array(m);
    this.mentorPred = new Int32Array(m);
    this.unsettledMentors = Int32Array.from({ length: m }, (_, mentor) => mentor);
    this.settledMentors = new Int32Array(m);
    this.menteeDist = new Float64Array(n);
    this.menteePred = new Int32Array(n);
    this.menteeStamp = new Int32Array(n);
    this.menteeSettledStamp = new Int32Array(n);
    this.settledMentees = new Int32Array(n);
    this.waiting = new MenteeHeap();
  }

  /** One Dijkstra from `source` to the sink, then the augmentation and the potential update. */
  routeUnitFrom(source: number): void {
    const { m, mentorDist, unsettledMentors, menteeDist, menteeStamp, menteeSettledStamp } = this;
    // Stryker disable next-line UpdateOperator: a stamp only has to differ from 0 and from every earlier run's
    const run = ++this.run;
    // `unsettledMentors` is a permutation of all mentors whose first `unsettledCount` are unsettled;
    // settling swaps a mentor behind them, so the next run starts from the whole array again.
    let unsettledCount = m;
    let settledMentorCount = 0;
    let settledMenteeCount = 0;
    this.waiting.clear();

    // The sink's label: its distance and what reached it (mentor index, or −1 − mentee for "unmatched").
    let sinkDist = Number.POSITIVE_INFINITY;
    let sinkPred = 0;
    // The nearest unsettled mentor (its position in `unsettledMentors`) and its distance, valid while
    // `nearestKnown`; settleMentee(source) below sets all three before the loop reads them.
    let nearest!: number;
    let nearestDist!: number;
    let nearestKnown!: boolean;

    const settleMentee = (mentee: number, dist: number, firstOfRun: boolean): void => {
      menteeStamp[mentee] = run;
      menteeSettledStamp[mentee] = run;
      menteeDist[mentee] = dist;
      this.settledMentees[settledMenteeCount++] = mentee;
      const base = dist + (this.menteePot[mentee] as number);
      // On equal distances the path found first stays: the unit moves as few formed pairs as it can.
      const viaUnmatched = base + this.unmatchedArcCost(mentee);
      if (viaUnmatched < sinkDist) {
        sinkDist = viaUnmatched;
        sinkPred = -1 - mentee;
      }
      nearest = relaxFrom(this, mentee, base, unsettledCount, firstOfRun);
      nearestDist = this.nearestDist[0] as number;
      nearestKnown = true;
    };

    this.menteePred[source] = -1;
    settleMentee(source, 0, true);

    for (;;) {
      // Stale once a mentor is settled, until a mentee's relaxation finds the nearest again.
      if (!nearestKnown) {
        nearest = nearestUnsettled(this, unsettledCount);
        nearestDist = this.nearestDist[0] as number;
      }
      const waitingDist = this.waiting.peekDist(menteeSettledStamp, run);
      // On equal distances the sink goes first: the run stops as early as it can.
      if (sinkDist <= nearestDist && sinkDist <= waitingDist) break;
      if (waitingDist < nearestDist) {
        settleMentee(this.waiting.pop(), waitingDist, false);
        continue;
      }
      const mentor = unsettledMentors[nearest] as number;
      const settledDist = nearestDist;
      unsettledCount--;
      unsettledMentors[nearest] = unsettledMentors[unsettledCount] as number;
      unsettledMentors[unsettledCount] = mentor;
      nearestKnown = false;
      this.settledMentors[settledMentorCount++] = mentor;
      const mentorBase = settledDist + (this.mentorPot[mentor] as number);
      // A free place ends the run: mentors' potentials never rise above 0, so the sink through it is
      // no farther than this mentor, and nothing unsettled is nearer.
      if (this.hasFreePlace(mentor)) {
        sinkDist = mentorBase;
        sinkPred = mentor;
        break;
      }
      // Back along formed pairs: one of the mentor's mentees could move elsewhere. A mentee settled
      // already is never reached nearer again (reduced costs are non-negative).
      const start = this.mentorSlotStart[mentor] as number;
      const end = start + (this.mentorLoad[mentor] as number);
      for (let slot = start; slot < end; slot++) {
        const mentee = this.mentorSlots[slot] as number;
        // The reverse of a formed pair costs +score.
        const reached = mentorBase - this.formedCost(mentee, mentor) - (this.menteePot[mentee] as number);
        if (menteeStamp[mentee] === run && reached >= (menteeDist[mentee] as number)) continue;
        menteeStamp[mentee] = run;
        menteeDist[mentee] = reached;
        this.menteePred[mentee] = mentor;
        // A tight arc (always so with one mentor per mentee) settles the mentee now: nothing is nearer.
        if (reached === settledDist) settleMentee(mentee, reached, false);
        else this.waiting.push(mentee, reached);
      }
    }
    this.stats.units++;
    this.stats.settled += settledMentorCount + settledMenteeCount;

    // Potentials: settled nodes move by (distance − sink distance); the rest keep theirs (a uniform shift).
    for (let k = 0; k < settledMentorCount; k++) {
      const mentor = this.settledMentors[k] as number;
      this.mentorPot[mentor] = (this.mentorPot[mentor] as number) + (mentorDist[mentor] as number) - sinkDist;
    }
    for (let k = 0; k < settledMenteeCount; k++) {
      const mentee = this.settledMentees[k] as number;
      this.menteePot[mentee] = (this.menteePot[mentee] as number) + (menteeDist[mentee] as number) - sinkDist;
    }
    this.augment(sinkPred);
  }

  private hasFreePlace(mentor: number): boolean {
    return (this.mentorLoad[mentor] as number) < (this.problem.mentorCapacity[mentor] as number);
  }

  private updateFreePlace(mentor: number): void {
    this.freePlace[mentor] = this.hasFreePlace(mentor) ? 1 : 0;
  }

  /** The cost of the arc mentee → sink ("unmatched") for the mentee's next unit. */
  private unmatchedArcCost(mentee: number): number {
    const capacity = this.problem.menteeCapacity[mentee] as number;
    // All but the last unit may stay unmatched for free; the last one only costs if it leaves the mentee with nobody.
    if ((this.menteeUnmatchedUnits[mentee] as number) < capacity - 1) return 0;
    return this.problem.menteeAlreadyMatched?.[mentee] ? 0 : this.unmatchedCost;
  }

  /** −score of a formed pair (the matrix holds +Infinity while it is formed). */
  private formedCost(mentee: number, mentor: number): number {
    return -(this.problem.score[mentee * this.m + mentor] as number);
  }

  /** Flip the pairs along the path the last Dijkstra found, from the sink back to the source (whose pred is −1). */
  private augment(sinkPred: number): void {
    // Each mentee on the path leaves the mentor it was reached from and joins the next one; leaving
    // first keeps every group within its capacity at every moment.
    let joins = sinkPred;
    let mentee = sinkPred < 0 ? -1 - sinkPred : (this.mentorPred[sinkPred] as number);
    if (sinkPred < 0) this.menteeUnmatchedUnits[mentee] = (this.menteeUnmatchedUnits[mentee] as number) + 1;
    for (;;) {
      const leaves = this.menteePred[mentee] as number;
      if (leaves >= 0) this.breakPair(mentee, leaves);
      if (joins >= 0) this.formPair(mentee, joins);
      if (leaves < 0) return;
      joins = leaves;
      mentee = this.mentorPred[leaves] as number;
    }
  }

  private formPair(mentee: number, mentor: number): void {
    this.cost[mentee * this.m + mentor] = Number.POSITIVE_INFINITY;
    const mentorLoad = this.mentorLoad[mentor] as number;
    this.mentorSlots[(this.mentorSlotStart[mentor] as number) + mentorLoad] = mentee;
    this.mentorLoad[mentor] = mentorLoad + 1;
    this.updateFreePlace(mentor);
  }

  /** The mentor keeps its free place as it was: the path's previous mentee joins it at once. */
  private breakPair(mentee: number, mentor: number): void {
    this.cost[mentee * this.m + mentor] = this.formedCost(mentee, mentor);
    removeFromSegment(this.mentorSlots, this.mentorSlotStart[mentor] as number, this.mentorLoad, mentor, mentee);
  }

  pairs(): DensePairs {
    const { m } = this;
    const total = this.mentorLoad.reduce((sum, load) => sum + load, 0);
    const mentees = new Int32Array(total);
    const mentors = new Int32Array(total);
    let p = 0;
    // Stryker disable next-line EqualityOperator: mentor m has no load (undefined), so its loop never runs
    for (let mentor = 0; mentor < m; mentor++) {
      const start = this.mentorSlotStart[mentor] as number;
      for (let slot = start; slot < start + (this.mentorLoad[mentor] as number); slot++) {
        mentees[p] = this.mentorSlots[slot] as number;
        mentors[p++] = mentor;
      }
    }
    return { mentee: mentees, mentor: mentors };
  }
}

/**
 * The hot loop, kept a plain function over typed arrays so the JIT compiles it tight: relax every
 * unsettled mentor from `mentee` (at reduced distance `base` − its potential) and return the nearest
 * one's position in `unsettledMentors` (its distance in `solver.nearestDist`). Formed and forbidden
 * pairs cost +Infinity, so they need no test. The run's first pass labels every mentor outright.
 */
function relaxFrom(solver: OptimalSolver, mentee: number, base: number, unsettledCount: number, firstOfRun: boolean): number {
  const { cost, mentorPot, mentorDist, mentorPred, unsettledMentors, freePlace } = solver;
  solver.stats.scans++;
  const row = mentee * mentorPot.length;
  let best = 0;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let k = 0; k < unsettledCount; k++) {
    const mentor = unsettledMentors[k] as number;
    let label = mentorDist[mentor] as number;
    const d = base + (cost[row + mentor] as number) - (mentorPot[mentor] as number);
    if (firstOfRun || d < label) {
      label = d;
      mentorDist[mentor] = d;
      mentorPred[mentor] = mentee;
    }
    // On a tie, a mentor with a free place wins: reaching it ends the run (as scipy's solver does).
    if (label < bestDist || (label === bestDist && freePlace[mentor] === 1)) {
      bestDist = label;
      best = k;
    }
  }
  solver.nearestDist[0] = bestDist;
  return best;
}

/** The nearest unsettled mentor, with relaxFrom's tie-break, when a settled mentor leaves the last answer stale. */
function nearestUnsettled(solver: OptimalSolver, unsettledCount: number): number {
  const { mentorDist, unsettledMentors, freePlace } = solver;
  solver.stats.scans++;
  let best = 0;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let k = 0; k < unsettledCount; k++) {
    const mentor = unsettledMentors[k] as number;
    const d = mentorDist[mentor] as number;
    if (d < bestDist || (d === bestDist && freePlace[mentor] === 1)) {
      bestDist = d;
      best = k;
    }
  }
  solver.nearestDist[0] = bestDist;
  return best;
}

function prefixSums(capacities: Int32Array): Int32Array {
  const starts = new Int32Array(capacities.length + 1);
  capacities.forEach((capacity, k) => {
    starts[k + 1] = (starts[k] as number) + Math.max(0, capacity);
  });
  return starts;
}

function removeFromSegment(slots: Int32Array, start: number, loads: Int32Array, owner: number, value: number): void {
  const last = start + (loads[owner] as number) - 1;
  for (let slot = start; slot <= last; slot++) {
    if (slots[slot] === value) {
      slots[slot] = slots[last] as number;
      loads[owner] = last - start;
      return;
    }
  }
  // Stryker disable next-line all: unreachable (breakPair is called for formed pairs only); the throw guards the bookkeeping
  throw new Error(`Pair not found: ${owner}–${value}`);
}

/**
 * Mentees reached through a pair that is not tight (only when mentees take several mentors), ordered by
 * distance. Entries are never updated in place: a stale one is skipped when its mentee is already settled
 * or has a smaller label.
 */
export class MenteeHeap {
  private dist: number[] = [];
  private mentee: number[] = [];

  clear(): void {
    this.dist.length = 0;
    this.mentee.length = 0;
  }

  push(mentee: number, dist: number): void {
    let k = this.dist.length;
    this.dist.push(dist);
    this.mentee.push(mentee);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      // Stryker disable next-line EqualityOperator: which of equal distances comes out first is not specified (a heap is not stable)
      if ((this.dist[parent] as number) <= dist) break;
      this.swap(k, parent);
      k = parent;
    }
  }

  /** The smallest live distance (dropping settled entries), or +Infinity. */
  peekDist(settledStamp: Int32Array, run: number): number {
    for (;;) {
      const top = this.mentee[0];
      if (top === undefined) return Number.POSITIVE_INFINITY;
      if (settledStamp[top] !== run) return this.dist[0] as number;
      this.pop();
    }
  }

  pop(): number {
    const top = this.mentee[0] as number;
    const lastDist = this.dist.pop() as number;
    const lastMentee = this.mentee.pop() as number;
    const size = this.dist.length;
    if (size > 0) {
      let k = 0;
      for (;;) {
        const left = 2 * k + 1;
        if (left >= size) break;
        // No right child past the end: its distance reads as +Infinity.
        // Stryker disable next-line EqualityOperator: which of equal distances comes out first is not specified (a heap is not stable)
        const child = (this.dist[left + 1] ?? Number.POSITIVE_INFINITY) < (this.dist[left] as number) ? left + 1 : left;
        // Stryker disable next-line EqualityOperator: which of equal distances comes out first is not specified (a heap is not stable)
        if ((this.dist[child] as number) >= lastDist) break;
        this.dist[k] = this.dist[child] as number;
        this.mentee[k] = this.mentee[child] as number;
        k = child;
      }
      this.dist[k] = lastDist;
      this.mentee[k] = lastMentee;
    }
    return top;
  }

  private swap(a: number, b: number): void {
    const d = this.dist[a] as number;
    this.dist[a] = this.dist[b] as number;
    this.dist[b] = d;
    const t = this.mentee[a] as number;
    this.mentee[a] = this.mentee[b] as number;
    this.mentee[b] = t;
  }
}
