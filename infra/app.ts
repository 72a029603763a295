// `cdk synth` / `cdk deploy` entry point (see cdk.json). Everything is built in claimtrack-app.ts.
import { buildApp } from "./claimtrack-app.ts";

buildApp().app.synth();
