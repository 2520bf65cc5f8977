import { geoPath } from 'd3-geo';
import { useId, useMemo, useState } from 'react';
import type { TownSummaryDto } from '../../client/api-client.js';
import { kazakhstanProjection, type RegionFeatureCollection } from '../geo.js';
import { useI18n, type Lang } from '../i18n/index.js';
import { hrefTown } from '../router.js';

const WIDTH = 960;
const FIT_HEIGHT = 600;
const PAD = 16;
const MAX_R = 15;
const MIN_R = 3.5;

function regionName(p: RegionFeatureCollection['features'][number]['properties'], lang: Lang): string {
  return (lang === 'kk' ? p.name_kk : lang === 'ru' ? p.name_ru : p.name_en) || p.name_en;
}

/** The regions of Kazakhstan (d3-geo, equal-area conic) with one linked circle per town. */
export function KazakhstanMap({ regions, towns }: { regions: RegionFeatureCollection; towns: readonly TownSummaryDto[] }) {
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

  const maxPop = Math.max(1, ...towns.map((tw) => tw.population?.value ?? 0));
  const markers = towns
    .filter((tw) => tw.lat !== null && tw.lon !== null)
    .map((tw) => {
      const xy = geo.projection([tw.lon!, tw.lat!]);
      const pop = tw.population?.value ?? null;
      const r = pop === null ? MIN_R : Math.max(MIN_R, MAX_R * Math.sqrt(pop / maxPop));
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
          return (
            <a
              key={m.town.id}
              href={hrefTown(m.town.id)}
              aria-label={name}
              className="town-link"
              onMouseEnter={() => setActive(m.town.id)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(m.town.id)}
              onBlur={() => setActive(null)}
            >
              <title>{t('map.markerTitle', { town: name, region, population })}</title>
              <circle
                cx={m.x}
                cy={m.y}
                r={m.r}
                className={m.pop === null ? 'town-marker no-data' : 'town-marker'}
                data-testid="town-marker"
                data-town={m.town.id}
              />
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
