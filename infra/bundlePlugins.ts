import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

/** The AWS SDK v3 clients' generated schema modules (`dist-es/schemas/schemas_0.js`, …). */
const SDK_SCHEMA_MODULE = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;
const STRING_CONST = /^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm;
const COMPUTED_KEY = /\[(_\w+)\]:/g;

/**
 * Rewrites `{ [_xN]: … }` to `{ "xmlName": … }` in an SDK schema module, where `_xN` is one of the
 * module's own top-level string constants. The object is the same; the difference is that esbuild
 * cannot prove a computed key free of side effects, so it keeps every schema of the service (540 KB
 * for EC2) when any one is used. With literal keys, unused schemas are tree-shaken.
 */
export function inlineSchemaKeys(source: string): string {
  const constants = new Map<string, string>();
  for (const match of source.matchAll(STRING_CONST)) {
    if (match[1] && match[2]) constants.set(match[1], match[2]);
  }
  return source.replace(COMPUTED_KEY, (whole, name: string) => {
    const literal = constants.get(name);
    return literal === undefined ? whole : `${literal}:`;
  });
}

/** The esbuild plugin applying {@link inlineSchemaKeys} to the SDK clients' schema modules. */
export function inlineSdkSchemaKeys(): Plugin {
  return {
    name: 'ami-share-guard-inline-sdk-schema-keys',
    setup(build) {
      build.onLoad({ filter: SDK_SCHEMA_MODULE }, async (args) => ({
        contents: inlineSchemaKeys(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}

const ZOD_LOCALES_INDEX = /^\.\.\/locales\/index\.js$/;

/**
 * Bundles zod with its English messages only. zod re-exports all 40-odd locales as a namespace
 * (`z.locales`), which esbuild keeps whole (about 260 KB); the project configures none of them and
 * zod itself installs English by importing `locales/en.js` directly.
 */
export function zodEnglishOnly(): Plugin {
  return {
    name: 'ami-share-guard-zod-english-only',
    setup(build) {
      build.onResolve({ filter: ZOD_LOCALES_INDEX }, (args) =>
        /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
          ? { path: args.resolveDir.replace(/(classic|core)$/, 'locales/index.js'), namespace: 'zod-locales' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: "export { default as en } from './en.js';",
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}
