// The public face of the rules engine; the rule modules stay importable for tests.
export { computeLastDay, describeDecisionCoverage, findCoverage, type Coverage } from './decisions';
export { compareFindings, evaluateCard, findingSeverityCounts, hasViolation, RULES } from './engine';
export { createFindingTranslator, findingResources, findingTexts, translateFindingSv } from './messages';
export { isActiveAt } from './register-rules';
export * from './types';
export { isSwedishHoliday, isWorkingDay, listSwedishHolidays, type SwedishHoliday } from './working-days';
