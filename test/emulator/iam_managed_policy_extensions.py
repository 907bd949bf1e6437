"""moto patch: IAM knows the AWS managed policy Ec2ImageBuilderCrossAccountDistributionAccess.

Scenario D8 attaches it to the cross-account distribution role. moto ships its document but loads
AWS managed policies only with MOTO_IAM_LOAD_MANAGED_POLICIES, which loads all ~1,600 of them into
every account (seconds per account after each reset). This loads just the one the tests need.
"""

import json
from typing import Any

from moto.iam import models as iam_models
from moto.iam.aws_managed_policies import aws_managed_policies_data

_WANTED = {"Ec2ImageBuilderCrossAccountDistributionAccess"}
_DATA = {name: d for name, d in json.loads(aws_managed_policies_data).items() if name in _WANTED}


def _init_aws_policies(self: Any) -> list[Any]:
    return [
        iam_models.AWSManagedPolicy.from_data(name, self.account_id, self.region_name, d) for name, d in _DATA.items()
    ]


iam_models.IAMBackend._init_aws_policies = _init_aws_policies  # type: ignore[method-assign]
