import { geoPath } from 'd3-geo';
import { useId, useMemo, useState } from 'react';
import type { TownSummaryDto } from '../../client/api-client.js';
import { kazakhstanProjection, type RegionFeatureCollection } from '../geo.js';
import { useI18n, type Lang } from '../i18n/index.js';
import { hrefTown } from '../router.js';
import { VERDICTS, type Verdict } from '../status.js';
import { classMark, classTone, UNKNOWN, type ClassScheme } from '../typology.js';
import { VERDICT_KEY } from './status.js';
import { classLabel } from './typology.js';

const WIDTH = 960;
const FIT_HEIGHT = 600;
const PAD = 16;
const MAX_R = 15;
const MIN_R = 3.5;
/** With the legal status shown, markers are big enough for their shape cue (a cross for «does not meet»). */
const MIN_R_STATUS = 6;

/** The legal status the markers show: each town's verdict, and which towns the verdict filter dims. */
export interface MapStatus {
  year: number;
  verdicts: ReadonlyMap<string, Verdict>;
  dimmed: (townId: string) => boolean;
}

/** The classes the markers show instead of the legal status: a typology's class or the vulnerability band of each town. */
export interface MapClasses {
  scheme: ClassScheme;
  year: number;
  /** The typology's or the vulnerability's name, for the titles. */
  title: string;
  values: ReadonlyMap<string, string>;
  dimmed: (townId: string) => boolean;
}

/** A class's mark besides its colour (see `classMark`). */
function ClassMarkShape({ scheme, cls, x, y, r }: { scheme: ClassScheme; cls: string; x: number; y: number; r: number }) {
  const mark = classMark(scheme, cls);
  if (mark === 'dot') return <circle cx={x} cy={y} r={Math.max(1.6, r * 0.32)} className="marker-dot" />;
  if (mark === 'cross') return <VerdictMark verdict="does_not_meet" x={x} y={y} r={r} />;
  if (mark === 'diamond') {
    const d = Math.max(2, r * 0.45);
    return <path d={`M${x} ${y - d}L${x + d} ${y}L${x} ${y + d}L${x - d} ${y}Z`} className="marker-dot" />;
  }
  return null;
}

function regionName(p: RegionFeatureCollection['features'][number]['properties'], lang: Lang): string {
  return (lang === 'kk' ? p.name_kk : lang === 'ru' ? p.name_ru : p.name_en) || p.name_en;
}

/**
 * A verdict's mark besides its colour: «meets» is a solid disc, «does not meet» a disc with a white
 * cross, «unknown» a pale disc with a dashed outline (the CSS classes `v-<verdict>`).
 */
function VerdictMark({ verdict, x, y, r }: { verdict: Verdict; x: number; y: number; r: number }) {
  if (verdict !== 'does_not_meet') return null;
  const d = r * 0.5;
  return <path d={`M${x - d} ${y - d}L${x + d} ${y + d}M${x - d} ${y + d}L${x + d} ${y - d}`} className="marker-cross" />;
}

/** The regions of Kazakhstan (d3-geo, equal-area conic) with one linked circle per town, marked with its verdict when given. */
export function KazakhstanMap({
  regions,
  towns,
  status = null,
  classes = null,
}: {
  regions: RegionFeatureCollection;
  towns: readonly TownSummaryDto[];
  status?: MapStatus | null;
  classes?: MapClasses | null;
}) {
  const { lang, t, num } = useI18n();
  const [active, setActive] = useState<string | null>(null);
  const descId = useId();

  const geo = useMemo(() => {
    const projection = kazakhstanProjection(regions, WIDTH, FIT_HEIGHT);
    const path = geoPath(projection);
    const [[x0, y0], [x1, y1]] = path.bounds(regions as never);
    const paths = regions.features.map((f) => ({ id: f.properties.id, props: f.properties, d: path(f as never) ?? '' }));
    return {
      projection,
      paths,
      viewBox: `${Math.floor(x0 - PAD)} ${Math.floor(y0 - PAD)} ${Math.ceil(x1 - x0 + 2 * PAD)} ${Math.ceil(y1 - y0 + 2 * PAD)}`,
      top: y0,
    };
  }, [regions]);

  const minR = status || classes ? MIN_R_STATUS : MIN_R;
  const maxPop = Math.max(1, ...towns.map((tw) => tw.population?.value ?? 0));
  const markers = towns
    .filter((tw) => tw.lat !== null && tw.lon !== null)
    .map((tw) => {
      const xy = geo.projection([tw.lon!, tw.lat!]);
      const pop = tw.population?.value ?? null;
      const r = pop === null ? minR : Math.max(minR, MAX_R * Math.sqrt(pop / maxPop));
      return xy ? { town: tw, x: xy[0], y: xy[1], r, pop } : null;
    })
    .filter((m) => m !== null)
    // big circles first, so that small towns nearby stay on top and clickable
    .sort((a, b) => b.r - a.r);

  const activeMarker = markers.find((m) => m.town.id === active) ?? null;

  return (
    <svg className="map" viewBox={geo.viewBox} role="group" aria-label={t('map.label')} aria-describedby={descId} data-testid="map">
      <desc id={descId}>{t('map.hint')}</desc>
      <g className="regions">
        {geo.paths.map((p) => (
          <path key={p.id} d={p.d} className="region" data-pcode={p.props.pcode}>
            <title>{regionName(p.props, lang)}</title>
          </path>
        ))}
      </g>
      <g className="towns">
        {markers.map((m) => {
          const name = m.town.name[lang];
          const region = m.town.region ? m.town.region.name[lang] : t('common.noData');
          const population = m.pop === null ? t('common.noData') : num(m.pop);
          const verdict = classes ? null : (status?.verdicts.get(m.town.id) ?? null);
          const townClass = classes ? (classes.values.get(m.town.id) ?? UNKNOWN) : null;
          const verdictText = verdict ? t(VERDICT_KEY[verdict]) : townClass !== null ? classLabel(townClass, t) : null;
          const dimmed = classes ? classes.dimmed(m.town.id) : status ? status.dimmed(m.town.id) : false;
          const cls = [
            'town-marker',
            m.pop === null ? 'no-data' : null,
            verdict ? `v-${verdict}` : null,
            classes && townClass !== null ? `k-${classTone(classes.scheme, townClass)}` : null,
          ]
            .filter(Boolean)
            .join(' ');
          const title =
            classes && verdictText
              ? t('map.markerClassTitle', { town: name, region, population, year: classes.year, typology: classes.title, cls: verdictText })
              : verdictText && status
                ? t('map.markerStatusTitle', { town: name, region, population, year: status.year, verdict: verdictText })
                : t('map.markerTitle', { town: name, region, population });
          return (
            <a
              key={m.town.id}
              href={hrefTown(m.town.id)}
              aria-label={verdictText ? t('map.markerLabel', { town: name, verdict: verdictText }) : name}
              className={dimmed ? 'town-link dimmed' : 'town-link'}
              onMouseEnter={() => setActive(m.town.id)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(m.town.id)}
              onBlur={() => setActive(null)}
            >
              <title>{title}</title>
              <circle
                cx={m.x}
                cy={m.y}
                r={m.r}
                className={cls}
                data-testid="town-marker"
                data-town={m.town.id}
                data-verdict={verdict ?? undefined}
                data-class={townClass ?? undefined}
                data-dimmed={dimmed ? 'true' : undefined}
              />
              {verdict ? <VerdictMark verdict={verdict} x={m.x} y={m.y} r={m.r} /> : null}
              {classes && townClass !== null ? <ClassMarkShape scheme={classes.scheme} cls={townClass} x={m.x} y={m.y} r={m.r} /> : null}
            </a>
          );
        })}
      </g>
      {activeMarker ? (
        <g className="map-label" aria-hidden="true" pointerEvents="none">
          <text x={activeMarker.x} y={activeMarker.y - activeMarker.r - 6} textAnchor="middle">
            {activeMarker.town.name[lang]}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

/** The key to the markers' verdicts, drawn like the markers, with the number of towns of each. */
export function MapLegend({ year, ruleset, counts, filtering }: { year: number; ruleset: string; counts: Record<Verdict, number>; filtering: boolean }) {
  const { t } = useI18n();
  return (
    <div className="map-legend" data-testid="map-legend">
      <p className="legend-title">{t('map.legendTitle', { year, ruleset })}</p>
      <ul className="legend">
        {VERDICTS.map((v) => (
          <li key={v} data-verdict={v}>
            <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
              <circle cx="11" cy="11" r="8" className={`town-marker v-${v}`} />
              <VerdictMark verdict={v} x={11} y={11} r={8} />
            </svg>
            {t('map.legendItem', { verdict: t(VERDICT_KEY[v]), count: counts[v] })}
          </li>
        ))}
        {filtering ? (
          <li>
            <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
              <g className="dimmed">
                <circle cx="11" cy="11" r="8" className="town-marker v-unknown" />
              </g>
            </svg>
            {t('map.legendDimmed')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** The key to the markers' classes, drawn like the markers, with the number of towns of each. */
export function ClassLegend({
  scheme,
  title,
  classes,
  counts,
  filtering,
}: {
  scheme: ClassScheme;
  title: string;
  classes: readonly string[];
  counts: ReadonlyMap<string, number>;
  filtering: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="map-legend" data-testid="map-legend">
      <p className="legend-title">{title}</p>
      <ul className="legend">
        {classes.map((c) => (
          <li key={c} data-class={c}>
            <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
              <circle cx="11" cy="11" r="8" className={`town-marker k-${classTone(scheme, c)}`} />
              <ClassMarkShape scheme={scheme} cls={c} x={11} y={11} r={8} />
            </svg>
            {t('map.legendItem', { verdict: classLabel(c, t), count: counts.get(c) ?? 0 })}
          </li>
        ))}
        {filtering ? (
          <li>
            <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
              <g className="dimmed">
                <circle cx="11" cy="11" r="8" className="town-marker k-unknown" />
              </g>
            </svg>
            {t('map.legendDimmedClass')}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
