export * from './types.js';
export { atDeadline, comparablePeriods, figuresUpTo, indexBaseFromNote, indexFiguresUpTo, latestOf, periodEnd, timePoint } from './figures.js';
export { MAX_ACTUAL_AGE, ON_TRACK_TOLERANCE, REAL_TERMS, TARGET_PARAMETERS, evaluateTarget, resolvePolarity, type RealTermsSpec } from './evaluate.js';
export { scorecard, townsInScope } from './scorecard.js';
export { EFFECTIVENESS_PANELS, effectivenessPanels, type EffectivenessPanels, type PanelCatalogue, type PanelItemSpec, type PanelValue } from './panels.js';
export { amountOfBudgetLine, budgetUtilisation, costPerJob, moneyPerResident, type CountFigure, type MoneyAmount, type MoneyResult } from './money.js';
