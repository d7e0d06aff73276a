import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { budgetErrors } from './errors';
import { budgetMessages } from './messages';
import { budgetPermissions } from './permissions';
import { paperRoutes } from './routes-paper';
import { proposalRoutes } from './routes-proposals';
import { publicRoutes } from './routes-public';
import { voteRoutes } from './routes-vote';

/**
 * The participatory budget (issue 18, ADR 0030): editions with their rules and phases, pools, projects,
 * live results under the edition's rule (rules/, by H4), pabulib import and export (pabulib/), and the
 * secret vote: online by residents, on paper by two officers.
 */
export const budgetModule: AppModule = {
  name: 'budget',
  permissions: budgetPermissions,
  errors: budgetErrors,
  messages: budgetMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await publicRoutes(app, ctx);
    await voteRoutes(app, ctx);
    await paperRoutes(app, ctx);
    await proposalRoutes(app, ctx);
  },
  navigation: [{ href: '/budzet', label: 'nav.budget' }],

};

export { editionWinners, importPbFile } from './service-cli';
export { PbParseError } from './pabulib';
export { seedBudgetFixtures } from './fixtures';
export { seedBudgetProposalFixtures } from './proposals-fixtures';
// the pure rules and the pabulib format (H4, ADR 0029), for the tests and bench/budget-rules.ts
export { computeOutcome, scores, validateVote } from './rules';
export type { Ballot, Election, ElectionVote, Outcome, RuleName, RuleOptions, TieBreak } from './rules';
export { electionFromPb, parsePb, pbRuleName, ruleFromPbName, writePb } from './pabulib';
export type { PbFile } from './pabulib';
