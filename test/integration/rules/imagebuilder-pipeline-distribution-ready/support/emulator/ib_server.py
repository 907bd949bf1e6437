"""The project's emulator (test/emulator/server.py and its extensions) for the Image Builder handler
tests, with one more moto patch: IAM backends know the AWS managed policy
Ec2ImageBuilderCrossAccountDistributionAccess (scenario D8), whose document moto ships but loads
only with MOTO_IAM_LOAD_MANAGED_POLICIES, which would load all ~1,600 of them into every account
(seconds per account after each reset). Usage: ib_server.py PORT
"""

import json
import os
import sys
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..", "..", "..", "..")
sys.path.insert(0, os.path.join(ROOT, "test", "emulator"))

from moto.iam import models as iam_models  # noqa: E402
from moto.iam.aws_managed_policies import aws_managed_policies_data  # noqa: E402

_WANTED = {"Ec2ImageBuilderCrossAccountDistributionAccess"}
_DATA = {name: d for name, d in json.loads(aws_managed_policies_data).items() if name in _WANTED}


def _init_aws_policies(self: Any) -> list[Any]:
    return [iam_models.AWSManagedPolicy.from_data(name, self.account_id, self.region_name, d) for name, d in _DATA.items()]


iam_models.IAMBackend._init_aws_policies = _init_aws_policies  # type: ignore[method-assign]

import server as project_server  # noqa: E402  (imports the project's extensions)

if __name__ == "__main__":
    project_server.main()
