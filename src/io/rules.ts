import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RuleSet, Scenario } from '../domain/criteria/index.js';
import type { DataIssue } from '../domain/errors.js';
import { createParameters, type Parameter, type Parameters } from '../domain/parameters.js';
import { importIndicatorYaml } from './importers/indicators.importer.js';
import { crossCheckRuleSets, importParameterYaml, importRuleSetYaml, importScenariosYaml, type CatalogueEntry } from './importers/rules.importer.js';

export interface LoadedRules {
  parameters: Parameters;
  /** Keyed by rule set id. */
  rulesets: Record<string, RuleSet>;
  scenarios: Scenario[];
  /** Every problem of every file; empty when everything loaded. */
  issues: DataIssue[];
}

const yamlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];

/**
 * Reads `rules/` (parameters, rule sets, scenario tests) and checks it against
 * `catalogue/indicators/`. Problems in the catalogue itself are reported by
 * `monoqala validate`; here an indicator that did not load is simply unknown.
 */
export function loadRules(projectRoot: string): LoadedRules {
  const shown = (path: string) => relative(projectRoot, path).replace(/\\/g, '/');
  const read = (path: string) => readFileSync(path, 'utf8');
  const issues: DataIssue[] = [];

  const catalogue = readCatalogue(projectRoot);

  const paramRoot = join(projectRoot, 'rules', 'parameters');
  const list: Parameter[] = [];
  if (!existsSync(paramRoot)) issues.push({ file: shown(paramRoot), message: 'the folder of legal parameters is missing' });
  else
    for (const entry of readdirSync(paramRoot, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(paramRoot, entry.name);
      if (!entry.isDirectory()) {
        issues.push({ file: shown(path), message: 'a parameter file belongs in rules/parameters/<area>/<name>.yaml, one folder per area' });
        continue;
      }
      for (const f of yamlFiles(path)) {
        const r = importParameterYaml(shown(f), read(f));
        issues.push(...r.issues);
        if (r.parameter) list.push(r.parameter);
      }
    }
  const parameters = createParameters(list);

  const rulesets: Record<string, RuleSet> = {};
  const fileOf: Record<string, string> = {};
  const rulesetFiles = yamlFiles(join(projectRoot, 'rules', 'rulesets'));
  if (rulesetFiles.length === 0) issues.push({ file: 'rules/rulesets', message: 'no rule sets found' });
  for (const f of rulesetFiles) {
    const r = importRuleSetYaml(shown(f), read(f), { parameters, catalogue });
    issues.push(...r.issues);
    if (r.ruleset) {
      rulesets[r.ruleset.id] = r.ruleset;
      fileOf[r.ruleset.id] = shown(f);
    }
  }
  issues.push(...crossCheckRuleSets(rulesets, (id) => fileOf[id] ?? 'rules/rulesets'));

  const scenarios: Scenario[] = [];
  const firstFile = new Map<string, string>();
  for (const f of yamlFiles(join(projectRoot, 'rules', 'tests'))) {
    const r = importScenariosYaml(shown(f), read(f), { rulesets, catalogue });
    issues.push(...r.issues);
    for (const s of r.scenarios) {
      const other = firstFile.get(s.name);
      if (other && other !== s.file)
        issues.push({ file: shown(f), column: 'name', message: `the scenario name "${s.name}" is also used in ${other}; names must be unique` });
      firstFile.set(s.name, s.file ?? '');
      scenarios.push(s);
    }
  }
  return { parameters, rulesets, scenarios, issues };
}

function readCatalogue(projectRoot: string): Map<string, CatalogueEntry> {
  const catalogue = new Map<string, CatalogueEntry>();
  for (const f of yamlFiles(join(projectRoot, 'catalogue', 'indicators'))) {
    const { indicator } = importIndicatorYaml(relative(projectRoot, f), readFileSync(f, 'utf8'));
    if (indicator) catalogue.set(indicator.code, { unit: indicator.unit, kind: indicator.kind });
  }
  return catalogue;
}

/** Reads one scenario file (anywhere) against the project's rule sets and catalogue: `monoqala rules test FILE`. */
export function loadScenarioFile(
  projectRoot: string,
  path: string,
  rulesets: Readonly<Record<string, RuleSet>>,
): { scenarios: Scenario[]; issues: DataIssue[] } {
  if (!existsSync(path)) return { scenarios: [], issues: [{ file: path, message: 'does not exist' }] };
  return importScenariosYaml(path, readFileSync(path, 'utf8'), { rulesets, catalogue: readCatalogue(projectRoot) });
}
