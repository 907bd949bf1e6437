"""moto patch for the launch rules' handler tests (imported after the project's and the inventory
tests' extensions).

moto 5.2 keeps each account's AMIs in that account's backend, so DescribeImages with
ExecutableUsers=['self'] in a consumer account never returns an AMI another account shared with it
(ModifyImageAttribute launchPermission UserId). The real API does. This patch adds, to such a call,
the AMIs of the other accounts' backends in the same Region whose launch permissions name the
caller's account. (Public AMIs: the tests start moto with MOTO_EC2_LOAD_DEFAULT_AMIS=false.)
Organization and OU launch permissions are not modelled.
"""

from typing import Any

from moto.ec2.models import amis as ami_models
from moto.ec2.models import ec2_backends

_orig_describe_images = ami_models.AmiBackend.describe_images


def _describe_images(
    self: Any,
    ami_ids: Any = None,
    filters: Any = None,
    exec_users: Any = None,
    owners: Any = None,
) -> Any:
    images = _orig_describe_images(self, ami_ids=ami_ids, filters=filters, exec_users=exec_users, owners=owners)
    if ami_ids or not exec_users:
        return images
    wanted = {self.account_id if u == "self" else u for u in exec_users}
    seen = {ami.id for ami in images}
    for account_id in list(ec2_backends.keys()):
        if account_id == self.account_id:
            continue
        backend = ec2_backends[account_id][self.region_name]
        for ami in list(backend.amis.values()):
            if ami.id in seen:
                continue
            if any(lp.get("UserId") in wanted for lp in ami.launch_permissions):
                images.append(ami)
                seen.add(ami.id)
    return images


ami_models.AmiBackend.describe_images = _describe_images  # type: ignore[method-assign]
