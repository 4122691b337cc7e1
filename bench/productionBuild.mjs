// `npm run bench` measures the code `npm start` runs: the app's modules come from the build (dist/, compiled by
// tsc), not from src/ through tsx, whose transform wraps every function it creates in a naming helper (measured:
// a fifth of a 10k-client digest's selection). The bench's own TypeScript still runs through tsx.
import { register } from 'node:module';

register('./productionBuildHooks.mjs', import.meta.url);
