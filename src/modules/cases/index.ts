export { caseAccess, requireCaseAccess, visibleCasesCondition, type CaseAccess, type CaseViewer } from './access';
