/** The dimensions an indicator belongs to (snake_case codes used in the catalogue). */
export const DIMENSIONS = [
  'demography',
  'labour',
  'income',
  'economy',
  'enterprise',
  'sme',
  'investment',
  'infrastructure',
  'local_budget',
  'social',
  'environment',
  'quality_of_life',
  'status',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Indicator {
  code: string;
  name: { en: string; ru: string; kk: string };
  unit: string;
  dimension: Dimension;
  polarity: 1 | -1;
  kind: 'numeric' | 'categorical';
  definition: string | null;
  source: string | null;
}
