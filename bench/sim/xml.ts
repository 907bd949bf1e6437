/** A tiny XML writer for the query-protocol responses of the simulated AWS. */
export type XmlValue = string | number | boolean | null | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  readonly [tag: string]: XmlValue;
}

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

function write(tag: string, value: XmlValue, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    out.push(`<${tag}>`);
    for (const item of value) write('item', item, out);
    out.push(`</${tag}>`);
    return;
  }
  if (typeof value === 'object') {
    out.push(`<${tag}>`);
    for (const [k, v] of Object.entries(value)) write(k, v, out);
    out.push(`</${tag}>`);
    return;
  }
  out.push(`<${tag}>${escapeXml(String(value))}</${tag}>`);
}

/** `<root xmlns=…>…</root>`; arrays become `<tag><item>…</item></tag>` (the EC2 convention). */
export function toXml(root: string, body: XmlNode, xmlns?: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root}${xmlns ? ` xmlns="${xmlns}"` : ''}>`,
  ];
  for (const [k, v] of Object.entries(body)) write(k, v, out);
  out.push(`</${root}>`);
  return out.join('');
}
