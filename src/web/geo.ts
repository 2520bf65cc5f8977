/**
 * Map geometry helpers. GeoJSON (RFC 7946) winds exterior rings counter-clockwise, d3-geo expects
 * clockwise on the sphere; a polygon whose spherical area exceeds a hemisphere is therefore reversed.
 */
import { geoArea, geoConicEqualArea, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { RegionCollectionDto } from '../client/api-client.js';

type Ring = [number, number][];
type Polygon = Ring[];

export interface RegionFeature {
  type: 'Feature';
  properties: { id: string; pcode: string; name_en: string; name_ru: string; name_kk: string } & Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

function rewindPolygon(poly: Polygon): Polygon {
  if (poly.length === 0) return poly;
  const area = geoArea({ type: 'Polygon', coordinates: [poly[0]!] });
  return area > 2 * Math.PI ? poly.map((ring) => [...ring].reverse()) : poly;
}

/** Keeps Polygon and MultiPolygon features, each wound the way d3-geo wants. */
export function prepareRegions(fc: RegionCollectionDto): RegionFeatureCollection {
  const features: RegionFeature[] = [];
  for (const f of fc.features) {
    const g = f.geometry as { type?: string; coordinates?: unknown } | null;
    if (!g || !Array.isArray(g.coordinates)) continue;
    const properties = f.properties as RegionFeature['properties'];
    if (g.type === 'Polygon')
      features.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rewindPolygon(g.coordinates as Polygon) } });
    else if (g.type === 'MultiPolygon')
      features.push({ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: (g.coordinates as Polygon[]).map(rewindPolygon) } });
  }
  return { type: 'FeatureCollection', features };
}

/** An equal-area conic projection for Kazakhstan (standard parallels 45° and 52° N), fitted to width × height. */
export function kazakhstanProjection(fc: RegionFeatureCollection, width: number, height: number): GeoProjection {
  return geoConicEqualArea()
    .parallels([45, 52])
    .rotate([-67, 0])
    .fitSize([width, height], fc as unknown as GeoPermissibleObjects);
}
