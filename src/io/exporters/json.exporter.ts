import type { Exporter } from './exporter.js';

export const jsonExporter: Exporter = {
  format: 'json',
  files(d) {
    return (Object.keys(d) as (keyof typeof d)[]).map((k) => ({ name: `${k}.json`, content: `${JSON.stringify(d[k], null, 2)}\n` }));
  },
};
