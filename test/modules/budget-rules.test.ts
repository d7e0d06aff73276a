import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeOutcome, scores, validateVote, type Ballot, type Election, type ElectionVote } from '../../src/modules/budget';

/** Hand-made elections whose winners are known: scores per ballot, vote checks, the three greedy rules, ties. */

const approve = (...ids: string[]): ElectionVote => ({ projects: ids });
const times = (n: number, vote: ElectionVote): ElectionVote[] => Array.from({ length: n }, () => vote);
const approval: Ballot = { kind: 'approval', maxProjects: 3 };

describe('scores per ballot kind', () => {
  test('approval and choose-one count approvals', () => {
    const election: Election = {
      budget: 100, ballot: approval, projects: [{ id: 'a', cost: 10 }, { id: 'b', cost: 10 }, { id: 'c', cost: 10 }],
      votes: [approve('a', 'b'), approve('a'), approve('b', 'a')],
    };
    assert.deepEqual([...scores(election)], [['a', { score: 3, votes: 3 }], ['b', { score: 2, votes: 2 }], ['c', { score: 0, votes: 0 }]]);
    const one = scores({ ...election, ballot: { kind: 'choose-one' }, votes: [approve('c'), approve('c'), approve('a')] });
    assert.deepEqual([one.get('a')?.score, one.get('b')?.score, one.get('c')?.score], [1, 0, 2]);
  });

  test('cumulative sums points; votes counts the voters', () => {
    const election: Election = {
      budget: 100, ballot: { kind: 'cumulative', maxPoints: 10 }, projects: [{ id: 'a', cost: 10 }, { id: 'b', cost: 10 }],
      votes: [{ projects: ['a', 'b'], points: [7, 3] }, { projects: ['b'], points: [10] }, { projects: ['a'], points: [1] }],
    };
    assert.deepEqual(scores(election).get('a'), { score: 8, votes: 2 });
    assert.deepEqual(scores(election).get('b'), { score: 13, votes: 2 });
  });

  test('ordinal gives the points of the rank (Kraków 3-2-1), k…1 by default', () => {
    const projects = [{ id: 'a', cost: 1 }, { id: 'b', cost: 1 }, { id: 'c', cost: 1 }];
    const votes = [approve('a', 'b', 'c'), approve('c', 'a'), approve('b')];
    const krakow = scores({ budget: 3, projects, votes, ballot: { kind: 'ordinal', maxProjects: 3, rankPoints: [3, 2, 1] } });
    assert.deepEqual([krakow.get('a')?.score, krakow.get('b')?.score, krakow.get('c')?.score], [5, 5, 4]);
    const steep = scores({ budget: 3, projects, votes, ballot: { kind: 'ordinal', maxProjects: 3, rankPoints: [10, 5, 1] } });
    assert.deepEqual([steep.get('a')?.score, steep.get('b')?.score, steep.get('c')?.score], [15, 15, 11]);
    const fallback = scores({ budget: 3, projects, votes, ballot: { kind: 'ordinal', maxProjects: 2 } });
    assert.deepEqual([fallback.get('a')?.score, fallback.get('c')?.score], [3, 2], 'rank 3 is beyond k = 2: no points');
  });
});

describe('validateVote', () => {
  const pool = new Set(['a', 'b', 'c', 'd']);
  const code = (ballot: Ballot, vote: ElectionVote) => {
    const result = validateVote(ballot, vote, pool);
    return result.ok ? 'ok' : result.code;
  };

  test('approval: limits, projects of the pool only, no duplicates', () => {
    assert.equal(code(approval, approve('a', 'b', 'c')), 'ok');
    assert.equal(code(approval, approve('a', 'b', 'c', 'd')), 'too_many');
    assert.equal(code({ ...approval, minProjects: 2 }, approve('a')), 'too_few');
    assert.equal(code(approval, approve()), 'empty');
    assert.equal(code(approval, approve('a', 'x')), 'unknown_project');
    assert.equal(code(approval, approve('a', 'a')), 'duplicate');
    assert.equal(code(approval, { projects: ['a'], points: [1] }), 'points_not_allowed');
    assert.equal(code({ kind: 'choose-one' }, approve('a', 'b')), 'too_many');
    assert.equal(code({ kind: 'choose-one' }, approve('b')), 'ok');
  });

  test('ordinal: at most k ranks', () => {
    const krakow: Ballot = { kind: 'ordinal', maxProjects: 3, rankPoints: [3, 2, 1] };
    assert.equal(code(krakow, approve('c', 'a', 'b')), 'ok');
    assert.equal(code(krakow, approve('c', 'a', 'b', 'd')), 'too_many');
    assert.equal(code({ kind: 'ordinal', rankPoints: [2, 1] }, approve('c', 'a', 'b')), 'too_many');
  });

  test('cumulative: points aligned, whole, positive, within the total', () => {
    const ten: Ballot = { kind: 'cumulative', maxPoints: 10 };
    assert.equal(code(ten, { projects: ['a', 'b'], points: [6, 4] }), 'ok');
    assert.equal(code(ten, { projects: ['a', 'b'], points: [6, 5] }), 'points_over_max');
    assert.equal(code(ten, { projects: ['a', 'b'], points: [12, -2] }), 'negative_points');
    assert.equal(code(ten, { projects: ['a', 'b'], points: [6] }), 'points_mismatch');
    assert.equal(code(ten, { projects: ['a'] }), 'points_missing');
    assert.equal(code(ten, { projects: ['a'], points: [1.5] }), 'points_not_integer');
    assert.equal(code(ten, { projects: ['a', 'b'], points: [5, 0] }), 'points_zero');
  });
});

// budget 100: a 60 zł (10 votes), b 50 zł (8), c 40 zł (5), d 30 zł (no votes)
const ladder: Election = {
  budget: 100, ballot: approval,
  projects: [{ id: 'a', cost: 60 }, { id: 'b', cost: 50 }, { id: 'c', cost: 40 }, { id: 'd', cost: 30 }],
  votes: [...times(5, approve('a', 'b', 'c')), ...times(3, approve('a', 'b')), ...times(2, approve('a'))],
};

describe('greedy rules', () => {
  test('with skip: a project that does not fit is passed over, the next one tried; missing amount given', () => {
    const outcome = computeOutcome(ladder, 'greedy');
    assert.deepEqual(outcome.selected, ['a', 'c']);
    assert.equal(outcome.spent, 100);
    assert.deepEqual(outcome.projects.map((p) => [p.id, p.reason]), [
      ['a', { code: 'selected' }], ['b', { code: 'over_budget', missing: 10 }], ['c', { code: 'selected' }], ['d', { code: 'no_support' }],
    ]);
    assert.deepEqual(outcome.projects.map((p) => p.score), [10, 8, 5, 0]);
  });

  test('without skip: the first project that does not fit ends the count', () => {
    const outcome = computeOutcome(ladder, 'greedy-no-skip');
    assert.deepEqual(outcome.selected, ['a']);
    assert.deepEqual(outcome.projects.map((p) => [p.id, p.reason]), [
      ['a', { code: 'selected' }], ['b', { code: 'over_budget', missing: 10 }], ['c', { code: 'stopped' }], ['d', { code: 'no_support' }],
    ]);
  });

  test('with a minimum score: projects below it are never funded, even when money is left', () => {
    const outcome = computeOutcome({ ...ladder, budget: 200 }, 'greedy-threshold', { minScore: 8 });
    assert.deepEqual(outcome.selected, ['a', 'b']);
    assert.deepEqual(outcome.projects.find((p) => p.id === 'c')?.reason, { code: 'below_min_score' });
    assert.deepEqual(computeOutcome({ ...ladder, budget: 200 }, 'greedy-threshold', { minScore: 5 }).selected, ['a', 'b', 'c']);
  });
});

describe('ties', () => {
  // x and y both have 4 approvals; only one fits
  const tied: Election = {
    budget: 100, ballot: approval, projects: [{ id: 'x', cost: 70 }, { id: 'y', cost: 60 }],
    votes: [...times(4, approve('x', 'y'))],
  };

  test('project id is the last resort; lower cost goes first when the edition says so', () => {
    assert.deepEqual(computeOutcome(tied, 'greedy').selected, ['x']);
    assert.deepEqual(computeOutcome(tied, 'greedy', { tieBreak: ['lower-cost'] }).selected, ['y']);
  });

  test('more votes: with points, the project more voters named goes first', () => {
    const points: Election = {
      budget: 100, ballot: { kind: 'cumulative', maxPoints: 10 }, projects: [{ id: 'x', cost: 70 }, { id: 'y', cost: 60 }],
      votes: [{ projects: ['x'], points: [6] }, { projects: ['y'], points: [3] }, { projects: ['y'], points: [3] }],
    };
    assert.deepEqual(computeOutcome(points, 'greedy').selected, ['x']);
    assert.deepEqual(computeOutcome(points, 'greedy', { tieBreak: ['more-votes'] }).selected, ['y']);
    assert.deepEqual(computeOutcome(points, 'greedy', { tieBreak: ['lower-cost', 'more-votes'] }).selected, ['y']);
  });

  test('a lot with a recorded seed: the same seed draws the same project; seeds differ in what they draw', () => {
    const drawn = (seed: number) => computeOutcome(tied, 'greedy', { tieBreak: [{ lot: seed }] }).selected[0];
    for (const seed of [1, 7, 2026]) assert.equal(drawn(seed), drawn(seed));
    const winners = new Set(Array.from({ length: 20 }, (_, seed) => drawn(seed)));
    assert.deepEqual([...winners].sort(), ['x', 'y']);
    // a lot after lower cost only decides what lower cost leaves tied
    for (let seed = 0; seed < 20; seed++) {
      assert.deepEqual(computeOutcome(tied, 'greedy', { tieBreak: ['lower-cost', { lot: seed }] }).selected, ['y']);
    }
  });
});
