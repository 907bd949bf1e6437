"""moto patch for AMIs shared from another account (imported by extensions.py).

moto 5.2 keeps each account's AMIs in that account's backend, so DescribeImages with
ExecutableUsers=['self'] (or an account id) in a consumer account never returns an AMI that
another account shared with it (ModifyImageAttribute launchPermission UserId). The real API does:
the live inventory reads a consumer's shared AMIs exactly that way. This patch adds, to such a
call (no ImageIds given), the AMIs of the other accounts' backends in the same Region whose
launch permissions name one of the requested users, after moto's own filtering; Owners and
Filters are applied to the added AMIs too.

Left out: organization and OU launch permissions (moto does not model them for the consumer);
moto's own answer is kept as is, including the public AMIs it returns for ExecutableUsers=['self']
(the real API returns only AMIs with explicit launch permissions there).
"""

from typing import Any

from moto.ec2.models import amis as ami_models
from moto.ec2.models import ec2_backends
from moto.ec2.utils import generic_filter

_orig_describe_images = ami_models.AmiBackend.describe_images


def _shared_from_other_accounts(backend: Any, exec_users: list[str]) -> list[Any]:
    wanted = {backend.account_id if u == "self" else u for u in exec_users}
    found = []
    for account_id in list(ec2_backends.keys()):
        if account_id == backend.account_id:
            continue
        other = ec2_backends[account_id][backend.region_name]
        for ami in list(other.amis.values()):
            if any(lp.get("UserId") in wanted for lp in ami.launch_permissions):
                found.append(ami)
    return found


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
    seen = {ami.id for ami in images}
    extra = [ami for ami in _shared_from_other_accounts(self, list(exec_users)) if ami.id not in seen]
    if owners:
        wanted_owners = {self.account_id if o == "self" else o for o in owners}
        extra = [ami for ami in extra if ami.owner_id in wanted_owners or ami.owner_alias in wanted_owners]
    if filters:
        extra = list(generic_filter(filters, extra))
    return list(images) + extra


ami_models.AmiBackend.describe_images = _describe_images  # type: ignore[method-assign]
