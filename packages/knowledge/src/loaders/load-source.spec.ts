import { describe, expect, it } from '@jest/globals';
import { loadSource } from './load-source.js';

describe('loadSource', () => {
  it('reads Markdown front matter as product fields and keeps a short document whole', async () => {
    const [chunk, ...rest] = await loadSource(
      'p.md',
      '---\ntitle: Brocha 3"\ndefault_code: BRO-3\nodoo_product_id: 37\nfamily: Accesorios\n---\n# Brocha 3"\n\nCerda natural.\n',
    );
    expect(rest).toEqual([]);
    expect(chunk).toMatchObject({
      title: 'Brocha 3"',
      defaultCode: 'BRO-3',
      odooProductId: 37,
      metadata: { family: 'Accesorios' },
    });
    expect(chunk!.text).toContain('Cerda natural.');
  });

  it('splits a long Markdown document by headings, each piece titled and anchored', async () => {
    const long = `# Guía\n\n## Muros\n\n${'Lijar y limpiar. '.repeat(60)}\n\n## Metal\n\n${'Quitar el óxido. '.repeat(60)}\n`;
    const chunks = await loadSource('g.md', long);
    expect(chunks.map((c) => c.anchor).filter(Boolean)).toEqual(['muros', 'metal']);
    expect(chunks.every((c) => c.text.includes('Guía'))).toBe(true);
  });

  it('reads YAML entries, CSV rows and JSONL lines', async () => {
    const yaml = await loadSource(
      'r.yaml',
      'entries:\n  - id: iva\n    title: IVA\n    text: Los precios no incluyen IVA.\n',
    );
    expect(yaml).toEqual([
      { title: 'IVA', anchor: 'iva', text: 'Los precios no incluyen IVA.', metadata: {} },
    ]);
    const csv = await loadSource(
      'c.csv',
      'default_code,name,description,color\nVT1-BLA-GL,Vinilo T1 Blanco,Lavable,Blanco\n',
    );
    expect(csv[0]).toMatchObject({
      defaultCode: 'VT1-BLA-GL',
      title: 'Vinilo T1 Blanco',
      anchor: 'VT1-BLA-GL',
      metadata: { color: 'Blanco' },
    });
    expect(csv[0]!.text).toBe('Vinilo T1 Blanco\nLavable\ncolor: Blanco');
    const jsonl = await loadSource('h.jsonl', '{"id":"c1","text":"hola"}\n\n{"id":"c2","text":"chao"}\n');
    expect(jsonl.map((c) => c.anchor)).toEqual(['c1', 'c2']);
  });

  it('rejects broken and unknown files with a CrewError', async () => {
    await expect(loadSource('x.jsonl', '{oops')).rejects.toMatchObject({
      code: 'knowledge.unreadable_source',
    });
    await expect(loadSource('x.pdf', '')).rejects.toMatchObject({ code: 'knowledge.unsupported_source' });
  });
});
