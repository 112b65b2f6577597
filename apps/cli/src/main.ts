import { buildProgram } from './program.js';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `crew needs Node >= 22 (this is ${process.version}); run it through "npm run crew -- ..." to use the project's Node.\n`,
  );
  process.exit(1);
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
