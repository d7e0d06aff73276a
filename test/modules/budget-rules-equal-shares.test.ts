import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeOutcome, type Ballot, type Election, type ElectionVote } from '../../src/modules/budget';

/** The Method of Equal Shares on hand-made elections whose outcome is worked out by hand in each comment. */

const approve = (...ids: string[]): ElectionVote => ({ projects: ids });
const times = (n: number, vote: ElectionVote): ElectionVote[] => Array.from({ length: n }, () => vote);
const approval: Ballot = { kind: 'approval', maxProjects: 5 };

describe('equal shares', () => {
  // 70 voters want x1, x2, x3 (300 zł each), 30 voters want y1, y2 (300 zł each); budget 1 000 zł.
  // Greedy gives the majority all three of theirs. Equal shares: 10 zł a voter, the majority holds 700 zł
  // (two x), the minority 300 zł (one y). Add-one: at 13 zł a voter the majority could buy a third x and
  // the outcome would cost 1 200 zł, so 12 zł stays — x1, x2, y1 (900 zł); nothing fits in the 100 zł left.
  const majority: Election = {
    budget: 1000, ballot: approval,
    projects: ['x1', 'x2', 'x3', 'y1', 'y2'].map((id) => ({ id, cost: 300 })),
    votes: [...times(70, approve('x1', 'x2', 'x3')), ...times(30, approve('y1', 'y2'))],
  };

  test('the minority gets its share where greedy gives the majority everything', () => {
    assert.deepEqual(computeOutcome(majority, 'greedy').selected, ['x1', 'x2', 'x3']);
    const outcome = computeOutcome(majority, 'equal-shares');
    assert.deepEqual(outcome.selected, ['x1', 'x2', 'y1']);
    assert.equal(outcome.spent, 900);
    assert.deepEqual(outcome.projects.find((p) => p.id === 'x3')?.reason, { code: 'not_funded_by_shares', missing: 200 });
    assert.deepEqual(computeOutcome(majority, 'equal-shares', { tieBreak: [{ lot: 3 }] }).selected.filter((id) => id.startsWith('y')).length, 1);
  });

  // 4 voters, budget 100 zł: a (60 zł) by v1, v2; b (40 zł) by v3, v4. At 25 zł a voter v1 and v2 hold
  // 50 zł — a is out of their reach; b is bought. Add-one raises the share to 30 zł: both are bought (100 zł),
  // a first (2 supporters each, tied — the id decides).
  const reach: Election = {
    budget: 100, ballot: approval, projects: [{ id: 'a', cost: 60 }, { id: 'b', cost: 40 }],
    votes: [...times(2, approve('a')), ...times(2, approve('b'))],
  };

  test('without completion only what the equal shares buy; add-one raises the shares while the budget allows', () => {
    assert.deepEqual(computeOutcome(reach, 'equal-shares', { completion: 'none' }).selected, ['b']);
    assert.deepEqual(computeOutcome(reach, 'equal-shares').selected, ['a', 'b']);
  });

  // the cheaper project per supporter goes first: c costs 30 zł for 3 voters (10 zł each), d 40 zł for
  // 2 voters (20 zł each). 5 voters, budget 50 zł (10 zł each): c is bought with all of its supporters' money,
  // d's two supporters hold 20 zł — not enough. Add-one: at 20 zł a voter d is bought too (70 zł > 50): stop
  // at 19 zł (c only). The greedy top-up then has 20 zł: too little for d (missing 20 zł).
  const cheap: Election = {
    budget: 50, ballot: approval, projects: [{ id: 'c', cost: 30 }, { id: 'd', cost: 40 }, { id: 'e', cost: 5 }],
    votes: [...times(3, approve('c')), ...times(2, approve('d'))],
  };

  test('each project gets a reason; one nobody chose is never funded even when it fits', () => {
    const outcome = computeOutcome(cheap, 'equal-shares');
    assert.deepEqual(outcome.selected, ['c']);
    assert.deepEqual(outcome.projects.map((p) => [p.id, p.reason]), [
      ['c', { code: 'selected' }], ['d', { code: 'not_funded_by_shares', missing: 20 }], ['e', { code: 'no_support' }],
    ]);
  });

  test('the greedy top-up spends what the shares leave on the best-scored projects that fit', () => {
    // f (10 zł) is wanted by one voter of five: at 10 zł a voter it is bought by shares; g (45 zł) by the
    // other four cannot be (40 zł) until 12 zł a voter, when the outcome (55 zł) overshoots 50 zł. So shares
    // buy f only; the top-up has 40 zł — g (45 zł) does not fit, h (35 zł, 1 voter, bought at 35 zł a voter
    // only) does.
    const topUp: Election = {
      budget: 50, ballot: approval, projects: [{ id: 'f', cost: 10 }, { id: 'g', cost: 45 }, { id: 'h', cost: 35 }],
      votes: [approve('f', 'h'), ...times(4, approve('g'))],
    };
    const outcome = computeOutcome(topUp, 'equal-shares');
    assert.deepEqual(outcome.selected, ['f', 'h']);
    assert.deepEqual(outcome.projects.find((p) => p.id === 'g')?.reason, { code: 'not_funded_by_shares', missing: 5 });
    assert.deepEqual(computeOutcome(topUp, 'equal-shares', { completion: 'none' }).selected, ['f']);
  });

  test('voters who have spent part of their share pay what they have left, the others cover the rest', () => {
    // budget 120 zł, 4 voters (30 zł each). a (84 zł) by v1, v2, v3: 28 zł each, bought first (3 supporters).
    // b (31 zł) by v1, v4: v1 has 2 zł left and pays it, v4 pays 29 zł (ρ = 29, 31/29 ≈ 1.07 effective votes);
    // c (29 zł) by v4 alone: ρ = 29, 1 effective vote. So b, not c — b is out of v4's reach alone (30 zł).
    const partial: Election = {
      budget: 120, ballot: approval, projects: [{ id: 'a', cost: 84 }, { id: 'b', cost: 31 }, { id: 'c', cost: 29 }],
      votes: [approve('a', 'b'), approve('a'), approve('a'), approve('b', 'c')],
    };
    const outcome = computeOutcome(partial, 'equal-shares', { completion: 'none' });
    assert.deepEqual(outcome.selected, ['a', 'b']);
    assert.equal(outcome.spent, 115);
  });

  test('a tie in equal shares follows the edition\'s tie-breaks, then the project id', () => {
    const twins: Election = {
      budget: 50, ballot: approval, projects: [{ id: 't2', cost: 50 }, { id: 't1', cost: 50 }],
      votes: times(5, approve('t1', 't2')),
    };
    assert.deepEqual(computeOutcome(twins, 'equal-shares').selected, ['t1']);
    const drawn = new Set(Array.from({ length: 20 }, (_, seed) => computeOutcome(twins, 'equal-shares', { tieBreak: [{ lot: seed }] }).selected.join()));
    assert.deepEqual([...drawn].sort(), ['t1', 't2']);
  });
});
