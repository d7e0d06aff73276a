import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  PbParseError, computeOutcome, electionFromPb, parsePb, pbRuleName, ruleFromPbName, writePb,
} from '../../src/modules/budget';

/** The pabulib `.pb` format: real Polish files (test/fixtures/pabulib/README.md) and malformed ones. */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/pabulib/${name}.pb`, import.meta.url), 'utf8');

// each file's rule (from its META) must reproduce its `selected` column — the official winners
const REAL = [
  ['Poland_Warszawa_2019_Sadul', 'greedy', 'approval'],
  ['Poland_Gdynia_2022_Kamienna_Gora__large', 'greedy-no-skip', 'approval'],
  ['Poland_Katowice_2025_Zarzecze', 'greedy-threshold', 'cumulative'],
  ['Poland_Krakow_2024_Lagiewniki-Borek_Falecki', 'greedy', 'ordinal'],
  ['Poland_Swiecie_2023', 'equal-shares', 'approval'],
  ['Poland_Wieliczka_2023_Green_Budget', 'equal-shares', 'approval'],
] as const;

describe('real Polish elections reproduced', () => {
  for (const [name, rule, kind] of REAL) {
    test(`${name}: ${rule} on ${kind} ballots gives the official winners`, () => {
      const file = parsePb(fixture(name));
      assert.equal(file.projects.length, Number(file.meta.num_projects));
      assert.equal(file.votes.length, Number(file.meta.num_votes));
      const { election, rule: mapped, options } = electionFromPb(file);
      assert.equal(mapped, rule);
      assert.equal(election.ballot.kind, kind);
      const official = file.projects.filter((p) => p.selected === '1').map((p) => p.project_id!).sort();
      assert.ok(official.length > 0);
      const outcome = computeOutcome(election, mapped!, options);
      assert.deepEqual([...outcome.selected].sort(), official);
      assert.ok(outcome.spent <= election.budget);
      if (mapped === 'equal-shares') {
        // the one-unit-at-a-time add-one, as the city ran it, agrees with the quick search here
        assert.deepEqual([...computeOutcome(election, mapped, { ...options, addOneSearch: 'stepwise' }).selected].sort(), official);
      }
    });
  }

  test('the META maps to the ballot and the options: limits, points, rank points, minimum score', () => {
    const krakow = electionFromPb(parsePb(fixture('Poland_Krakow_2024_Lagiewniki-Borek_Falecki')));
    assert.deepEqual(krakow.election.ballot, { kind: 'ordinal', maxProjects: 3, minProjects: 3 });
    assert.equal(krakow.election.budget, 1607513, 'the budget 1607513.56 loses its grosze: costs are whole złoty');
    const katowice = electionFromPb(parsePb(fixture('Poland_Katowice_2025_Zarzecze')));
    assert.equal(katowice.election.ballot.maxPoints, 3);
    assert.deepEqual(katowice.options, { minScore: 50 });
    assert.deepEqual(katowice.election.votes[0], { projects: ['L20/01/XII'], points: [3] });
    const wieliczka = electionFromPb(parsePb(fixture('Poland_Wieliczka_2023_Green_Budget')));
    assert.equal(wieliczka.ruleName, 'equalshares/add1-comparison');
    assert.deepEqual(wieliczka.options, { completion: 'add-one' });
  });

  test('rule names both ways', () => {
    for (const rule of ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equal-shares'] as const) {
      assert.equal(ruleFromPbName(pbRuleName(rule)).rule, rule);
    }
    assert.equal(pbRuleName('equal-shares'), 'equalshares/add1');
    assert.deepEqual(ruleFromPbName('equalshares'), { rule: 'equal-shares', options: { completion: 'none' } });
    assert.deepEqual(ruleFromPbName('greedy-custom'), { rule: null, options: {} });
  });
});

describe('reading and writing', () => {
  test('a file written and read back is the same file; quoted fields survive', () => {
    const file = parsePb(fixture('Poland_Warszawa_2019_Sadul'));
    file.projects[0]!.name = 'Park „Pod Lipami”; etap "II"\nz ławkami';
    const again = parsePb(writePb(file));
    assert.deepEqual(again, file);
    const krakow = parsePb(fixture('Poland_Krakow_2024_Lagiewniki-Borek_Falecki'));
    assert.deepEqual(parsePb(writePb(krakow)), krakow);
  });

  test('spaces around fields, a BOM and mixed line ends are accepted', () => {
    const file = parsePb('\uFEFFMETA\r\nkey; value\r\nbudget; 100\nvote_type; approval\r\nPROJECTS\nproject_id; cost; name\n1; 60; "Ławki; kosze"\n2; 50; Drzewa\nVOTES\nvoter_id; vote\n1; 1,2\n2; 2\n');
    assert.deepEqual(file.meta, { budget: '100', vote_type: 'approval' });
    assert.deepEqual(file.projects[0], { project_id: '1', cost: '60', name: 'Ławki; kosze' });
    assert.deepEqual(computeOutcome(electionFromPb(file).election, 'greedy').selected, ['2']);
  });
});

describe('malformed files are refused with the line and field named in Polish', () => {
  const good = ['META', 'key;value', 'budget;100', 'PROJECTS', 'project_id;cost', '1;60', '2;50', 'VOTES', 'voter_id;vote', '1;1,2', '2;2'];
  const refusal = (lines: string[]) => {
    try {
      parsePb(lines.join('\n'));
    } catch (error) {
      assert.ok(error instanceof PbParseError);
      return { code: error.code, line: error.line, field: error.field, message: error.message };
    }
    assert.fail('the file was accepted');
  };

  test('the good file is accepted', () => assert.equal(parsePb(good.join('\n')).votes.length, 2));

  test('a missing section', () => {
    const r = refusal(good.slice(0, 7));
    assert.equal(r.code, 'missing_section');
    assert.match(r.message, /brak sekcji VOTES/);
    assert.equal(refusal(good.slice(3)).code, 'section_order');
  });

  test('a vote naming a project the file does not list', () => {
    const lines = [...good];
    lines[10] = '2;2,7';
    assert.deepEqual(refusal(lines), {
      code: 'unknown_project', line: 11, field: 'vote',
      message: 'Wiersz 11, pole „vote”: głos wskazuje projekt „7”, którego nie ma w sekcji PROJECTS.',
    });
  });

  test('a cost that is not a number', () => {
    const lines = [...good];
    lines[6] = '2;pięćdziesiąt';
    const r = refusal(lines);
    assert.deepEqual([r.code, r.line, r.field], ['invalid_number', 7, 'cost']);
    assert.match(r.message, /^Wiersz 7, pole „cost”: koszt projektu „2” „pięćdziesiąt” nie jest liczbą\.$/);
  });

  test('a row with a wrong number of columns', () => {
    const lines = [...good];
    lines[9] = '1;1,2;extra';
    const r = refusal(lines);
    assert.deepEqual([r.code, r.line], ['column_count', 10]);
    assert.match(r.message, /Wiersz 10: wiersz ma 3 kolumn, a nagłówek sekcji 2/);
  });

  test('a missing budget, cost column or points that do not match the projects', () => {
    assert.equal(refusal(good.filter((l) => l !== 'budget;100')).field, 'budget');
    const noCost = ['META', 'key;value', 'budget;100', 'PROJECTS', 'project_id;name', '1;a', 'VOTES', 'voter_id;vote', '1;1'];
    assert.deepEqual([refusal(noCost).code, refusal(noCost).field], ['missing_column', 'cost']);
    const points = ['META', 'key;value', 'budget;100', 'PROJECTS', 'project_id;cost', '1;60', '2;50', 'VOTES', 'voter_id;vote;points', '1;1,2;3'];
    assert.deepEqual([refusal(points).code, refusal(points).line, refusal(points).field], ['points_mismatch', 10, 'points']);
  });
});
