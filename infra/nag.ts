// cdk-nag runs on every synth (see claimtrack-app.ts). A finding we accept is acknowledged on the narrowest
// construct that causes it, never on a whole stack, and always with the reason a reviewer would check.
import { Stack, Validations } from "aws-cdk-lib";
// cdk-nag's own renderer of CloudFormation references, so our finding ids match the ones it reports.
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference.js";
import type { IConstruct } from "constructs";

/** Acknowledges one AwsSolutions finding (e.g. `AwsSolutions-IAM5[Resource::*]`) on `scope` and below. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 40) throw new Error(`cdk-nag acknowledgement ${id} needs a real reason, got "${reason}"`);
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledges the IAM5 wildcard finding for one resource ARN (such as `bucket/prefix/*`) and no other.
 * The finding names the ARN as the template spells it, which for a cross-stack reference is known only once
 * CDK has resolved the references; construct validations run right after that and before cdk-nag, so the
 * acknowledgement is added from one.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resourceArn: string, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      const rendered = flattenCfnReference(Stack.of(scope).resolve(resourceArn));
      acknowledge(scope, `AwsSolutions-IAM5[Resource::${rendered}]`, reason);
      return [];
    },
  });
}
