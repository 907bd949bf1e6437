import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../buildApp';
import { contextArguments } from './contextArguments';

// Through the CDK CLI the context arrives in the environment; run directly (`npm run synth`), it
// is read from `-c key=value` arguments and the assembly goes to cdk.out.
const app = new App({
  context: contextArguments(process.argv.slice(2)),
  ...(process.env.CDK_OUTDIR ? {} : { outdir: 'cdk.out' }),
});
buildApp(app);
// cdk-nag's AwsSolutions pack runs on every synth: an unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
