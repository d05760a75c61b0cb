// @custom-elements-manifest/analyzer: reads the JSDoc of every component class.
export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
