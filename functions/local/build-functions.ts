// `npm run build:functions`: the Cloud Function as one bundled module in dist/functions/ (see bundle.ts).
import { buildFunctions } from './bundle.ts';

const entry = await buildFunctions();
console.log(`Built ${entry} (deploy with --source=dist/functions --entry-point=api)`);
